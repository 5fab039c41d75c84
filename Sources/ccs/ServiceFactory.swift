import CloudControl
import CloudControlLocal
import Foundation

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
    /// credentials, no network: the engine runs in this process, with the shipped schemas and
    /// `--region` (default us-east-1) in generated ARNs.
    static func makeLocalService(_ global: GlobalOptions) throws -> CloudControlService {
        var configuration = LocalConfiguration()
        if let region = global.region { configuration.region = region }
        let path = global.localDatabase ?? LocalConfiguration.defaultDatabasePath()
        return try LocalCloudControl(databasePath: path, configuration: configuration, registry: try SchemaRegistry())
    }

    /// The HTTP client with the AWS CLI's settings: options, then environment, then profile.
    static func makeHTTPClient(_ global: GlobalOptions, environment: [String: String]) throws
        -> CloudControlService
    {
        let shared = try SharedConfiguration.load(explicitProfile: global.profile, environment: environment)
        let settings = try ResolvedSettings.resolve(
            region: global.region, endpointURL: global.endpointURL, environment: environment,
            configuration: shared)
        let trace = global.debug ? debugSink : nil
        if let trace {
            trace("profile: \(shared.profileName)")
            trace("region: \(settings.region ?? "<none>") (from \(settings.regionSource ?? "nowhere"))")
            trace("endpoint: \(settings.endpointURL ?? "from the endpoint rules") (from \(settings.endpointURLSource ?? "the region"))")
            trace("retries: \(settings.retryMode.rawValue) mode, \(settings.maxAttempts) attempts")
            for note in settings.notes { trace("note: \(note)") }
        }

        let transport = CurlTransport(
            configuration: .init(
                userAgent: "ccs/\(CCSVersion.string)", caBundlePath: settings.caBundle,
                proxies: ProxySettings(environment: environment)))
        // Container and instance metadata endpoints are link-local or loopback: never proxied,
        // and short timeouts, so a machine without them answers quickly.
        let metadataTransport = CurlTransport(
            configuration: .init(
                userAgent: "ccs/\(CCSVersion.string)", connectTimeout: 1, totalTimeout: 2,
                proxies: ProxySettings()))
        let provider = CredentialProviderChain.standard(
            configuration: shared, environment: environment, transport: metadataTransport)

        let configuration = ClientConfiguration(
            region: settings.region, endpointURL: settings.endpointURL,
            useFIPS: settings.useFIPSEndpoint, useDualStack: settings.useDualStackEndpoint,
            retryMode: settings.retryMode,
            maxAttempts: settings.maxAttempts,
            trace: trace)
        return CloudControlClient(
            configuration: configuration,
            credentials: { try provider.resolve() },
            transport: transport)
    }

    /// `--debug` writes to stderr, one trace entry at a time.
    static let debugSink: @Sendable (String) -> Void = { line in
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }
}
