import CCSCloud
import CloudControl
import CloudControlLocal
import Foundation
import ResourceSchemas

/// Builds the Cloud Control session scripts run against, from the global options: the
/// in-process emulator with `--local[=DB]`, else the HTTP client (AWS, or `ccs serve` through
/// `--endpoint-url` / `AWS_ENDPOINT_URL`). The service is created on the first Cloud Control
/// call, so scripts that make none need no credentials. `ServiceFactory` builds the service,
/// as for `ccs api`, so scripts and the CLI see the same settings. `CCS_RUN_ID` makes the
/// ClientTokens of write calls derived rather than random (docs/HARDENING.md), so an
/// interrupted script re-run with the same id creates nothing twice.
///
/// Schemas: the shipped ones and the extra folders (`SchemaFolders`) first; then, for an HTTP
/// backend, CloudFormation's DescribeType against the same endpoint settings (cached for the
/// session and for a day on disk). With `--local` the engine shares the folders' registry, so
/// scripts and the engine know the same types.
///
/// `aws({...})` sessions (`CloudSession.derive`) are the same wiring with the options
/// changed: region, profile and endpoint replace the global ones; a `role_arn` is assumed
/// with the profile's credentials, its temporary credentials shared through one
/// `RoleSessionCache` per process. With `--local` every session shares one engine and acts in
/// its partition: (the role's account or 123456789012, the session's region).
enum CloudWiring {
    static func session(
        _ global: GlobalOptions, environment: [String: String] = ProcessInfo.processInfo.environment
    ) -> CloudSession {
        let shipped = ShippedSchemas(directories: SchemaFolders.resolve(global, environment: environment))
        let shared = Shared(
            global: global, shipped: shipped, environment: environment, runID: environment["CCS_RUN_ID"],
            roleCache: RoleSessionCache())
        return session(global, role: nil, shared)
    }

    /// What every session of one process shares.
    private final class Shared {
        /// The process's options: the `--local` engine's default partition is theirs.
        let global: GlobalOptions
        let shipped: ShippedSchemas
        let environment: [String: String]
        let runID: String?
        let roleCache: RoleSessionCache
        /// One adaptive token bucket per (account, region); `CCS_RATE_LIMIT` is the rate a
        /// bucket starts at (else it lets everything through until the first throttle).
        let rateLimiters: RateLimiterRegistry
        private var engine: LocalCloudControl?

        init(
            global: GlobalOptions, shipped: ShippedSchemas, environment: [String: String], runID: String?,
            roleCache: RoleSessionCache
        ) {
            self.global = global
            self.shipped = shipped
            self.environment = environment
            self.runID = runID
            self.roleCache = roleCache
            self.rateLimiters = RateLimiterRegistry(initialRate: environment["CCS_RATE_LIMIT"].flatMap(Double.init))
        }

        /// The one `--local` engine, opened on first use with the process's options.
        func localEngine() throws -> LocalCloudControl {
            if let engine { return engine }
            guard let made = try ServiceFactory.makeLocalService(global, registry: try shipped.registry()) as? LocalCloudControl
            else { throw LocalError("ServiceInternalErrorException", "the local service is not the emulator's engine") }
            engine = made
            return made
        }
    }

    private static func session(_ global: GlobalOptions, role: STSClient.RoleRequest?, _ shared: Shared) -> CloudSession {
        let environment = shared.environment
        let made: CloudSession
        if global.local {
            let account = role.flatMap { STSWire.roleArnParts($0.roleArn)?.account }
            made = CloudSession(
                service: {
                    let engine = try shared.localEngine()
                    let partition = AccountRegion(
                        account: account ?? engine.defaultPartition.account,
                        region: global.region ?? engine.defaultPartition.region)
                    return partition == engine.defaultPartition ? engine : engine.partition(partition)
                },
                schemas: shared.shipped, runID: shared.runID)
            made.region = global.region ?? LocalConfiguration().region
            made.identityLookup = {
                let account = account ?? LocalConfiguration().account
                guard let role else {
                    return SessionIdentity(account: account, arn: "arn:aws:iam::\(account):root", userId: account)
                }
                let name = STSWire.roleArnParts(role.roleArn)?.name ?? "role"
                return SessionIdentity(
                    account: account, arn: "arn:aws:sts::\(account):assumed-role/\(name)/\(role.sessionName)",
                    userId: "\(name):\(role.sessionName)")
            }
        } else {
            let describeType = DescribeTypeSchemas(
                client: { try ServiceFactory.makeCloudFormationClient(global, environment: environment) },
                diskCache: ServiceFactory.schemaDiskCache(global, environment: environment))
            let parts = Lazy {
                try HTTPClientParts(
                    global, environment: environment, serviceKey: ResolvedSettings.serviceKey, roleCache: shared.roleCache,
                    role: role, rateLimiters: shared.rateLimiters)
            }
            // The limiter is known once the parts are: handed to the session when its service is made.
            let owner = WeakSession()
            made = CloudSession(
                service: {
                    let built = try parts.value()
                    owner.session?.rateLimiter = built.rateLimiter
                    return ServiceFactory.makeHTTPClient(built)
                },
                schemas: SchemaSourceChain([shared.shipped, describeType]), runID: shared.runID)
            owner.session = made
            made.region = global.region ?? resolvedRegion(global, environment: environment)
            made.identityLookup = {
                let identity = try parts.value().stsClient().getCallerIdentity()
                return SessionIdentity(account: identity.account, arn: identity.arn, userId: identity.userId)
            }
        }
        made.derive = { options in
            var derived = global
            derived.region = options.region ?? global.region
            derived.profile = options.profile ?? global.profile
            derived.endpointURL = options.endpointURL ?? global.endpointURL
            let role = options.roleArn.map {
                STSClient.RoleRequest(
                    roleArn: $0, sessionName: options.sessionName ?? AssumeRoleCredentialProvider.defaultSessionName(),
                    externalId: options.externalId, durationSeconds: options.duration)
            }
            if global.local, let role, STSWire.roleArnParts(role.roleArn) == nil {
                throw LocalError("ValidationError", "aws: role_arn \(role.roleArn) is not arn:aws:iam::ACCOUNT:role/NAME")
            }
            return session(derived, role: role, shared)
        }
        return made
    }

    /// The region the profile and environment give, for `s.region`; nil when none does.
    private static func resolvedRegion(_ global: GlobalOptions, environment: [String: String]) -> String? {
        guard let shared = try? SharedConfiguration.load(explicitProfile: global.profile, environment: environment)
        else { return nil }
        return (try? ResolvedSettings.resolve(
            region: global.region, endpointURL: global.endpointURL, environment: environment, configuration: shared))?
            .region
    }
}

/// A session a closure of its own refers to without keeping it alive.
private final class WeakSession {
    weak var session: CloudSession?
}

/// A value made on first use and kept (a failure is tried again next time). Locked: the
/// identity lookup may run on several `parallel` workers at once.
final class Lazy<T>: @unchecked Sendable {
    private let make: () throws -> T
    private var made: T?
    private let lock = NSLock()

    init(_ make: @escaping () throws -> T) { self.make = make }

    func value() throws -> T {
        lock.lock()
        defer { lock.unlock() }
        if let made { return made }
        let value = try make()
        made = value
        return value
    }
}
