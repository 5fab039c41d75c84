import CCSCloud
import CloudControl
import CloudControlLocal
import Foundation
import ResourceSchemas

/// Builds the `CloudControlService` a command talks to from the global options: the HTTP
/// client for AWS (or for `--endpoint-url`), or, with `--local`, the in-process emulator.
enum ServiceFactory {
    static func makeService(
        _ global: GlobalOptions, environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws -> CloudControlService {
        if global.local {
            return try makeLocalService(global)
        }
        return try makeHTTPClient(global, environment: environment)
    }

    /// `--local[=DB]`: the in-process emulator (CloudControlLocal) on `global.localDatabase`,
    /// else `$XDG_DATA_HOME/ccs/local.sqlite` or `~/.local/share/ccs/local.sqlite`. No
    /// credentials, no network: the engine runs in this process, with the shipped schemas plus
    /// the extra folders (`SchemaFolders`) unless `registry` is given, and `--region` (default
    /// us-east-1) in generated ARNs.
    static func makeLocalService(
        _ global: GlobalOptions, registry: SchemaRegistry? = nil,
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws -> CloudControlService {
        var configuration = LocalConfiguration()
        if let region = global.region { configuration.region = region }
        let path = global.localDatabase ?? LocalConfiguration.defaultDatabasePath()
        let schemas = try registry ?? SchemaRegistry(directories: SchemaFolders.resolve(global, environment: environment))
        return try LocalCloudControl(databasePath: path, configuration: configuration, registry: schemas)
    }

    /// The HTTP client with the AWS CLI's settings: options, then environment, then profile.
    static func makeHTTPClient(_ global: GlobalOptions, environment: [String: String]) throws
        -> CloudControlService
    {
        try makeHTTPClient(HTTPClientParts(global, environment: environment, serviceKey: ResolvedSettings.serviceKey))
    }

    static func makeHTTPClient(_ parts: HTTPClientParts) -> CloudControlService {
        CloudControlClient(
            configuration: parts.configuration, credentials: parts.credentials, transport: parts.transport)
    }

    /// CloudFormation (for DescribeType) with the same settings as the Cloud Control client,
    /// except the endpoint, which follows the AWS CLI's per-service rules:
    /// `--endpoint-url`, `AWS_ENDPOINT_URL_CLOUDFORMATION`, `AWS_ENDPOINT_URL`, the profile's
    /// `[services]` `cloudformation.endpoint_url`, `endpoint_url`. Nil with `--local`.
    static func makeCloudFormationClient(_ global: GlobalOptions, environment: [String: String]) throws
        -> CloudFormationClient?
    {
        if global.local { return nil }
        let parts = try HTTPClientParts(global, environment: environment, serviceKey: CloudFormationClient.serviceKey)
        return CloudFormationClient(
            configuration: parts.configuration, credentials: parts.credentials, transport: parts.transport)
    }

    /// The on-disk cache of DescribeType answers for this region and endpoint; nil when the
    /// settings do not resolve (the service reports why when it is built) or there is no home.
    static func schemaDiskCache(_ global: GlobalOptions, environment: [String: String]) -> SchemaDiskCache? {
        guard environment["CCS_NO_SCHEMA_CACHE"] == nil,
            let shared = try? SharedConfiguration.load(explicitProfile: global.profile, environment: environment),
            let settings = try? ResolvedSettings.resolve(
                region: global.region, endpointURL: global.endpointURL, environment: environment,
                configuration: shared, serviceKey: CloudFormationClient.serviceKey),
            let region = settings.region,
            let directory = SchemaDiskCache.defaultDirectory(
                region: region, endpoint: settings.endpointURL, environment: environment)
        else { return nil }
        return SchemaDiskCache(directory: directory)
    }

    /// `--debug` writes to stderr, one trace entry at a time.
    static let debugSink: @Sendable (String) -> Void = { line in
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }
}
