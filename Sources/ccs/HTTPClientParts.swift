import CloudControl
import Foundation

/// What an HTTP client of an AWS service needs, resolved the AWS CLI's way (options, then
/// environment, then profile) for one service key (`cloudcontrol`, `cloudformation`): its
/// configuration, a credential source and a libcurl transport.
struct HTTPClientParts {
    let configuration: ClientConfiguration
    let credentials: @Sendable () throws -> AWSCredentials
    let transport: CurlTransport
    /// The adaptive token bucket the Cloud Control calls wait on (nil unless adaptive).
    let rateLimiter: AdaptiveRateLimiter?
    /// STS with the same settings (GetCallerIdentity for `s.identity`).
    let stsConfiguration: ClientConfiguration
    private let stsTransport: CurlTransport

    /// - Parameters:
    ///   - roleCache: the process's role sessions, shared by every client it builds.
    ///   - role: assume this role with the profile's credentials (`aws({role_arn})`).
    ///   - rateLimiters: with `retry_mode = adaptive`, the process's token buckets, one per
    ///     (account, region): the role's account, else the profile stands for the account.
    init(
        _ global: GlobalOptions, environment: [String: String], serviceKey: String,
        roleCache: RoleSessionCache = RoleSessionCache(), role: STSClient.RoleRequest? = nil,
        rateLimiters: RateLimiterRegistry? = nil
    ) throws {
        let shared = try SharedConfiguration.load(explicitProfile: global.profile, environment: environment)
        let settings = try ResolvedSettings.resolve(
            region: global.region, endpointURL: global.endpointURL, connectTimeout: global.connectTimeout,
            readTimeout: global.readTimeout, environment: environment, configuration: shared,
            serviceKey: serviceKey)
        let trace = global.debug ? ServiceFactory.debugSink : nil
        if let trace {
            trace("service: \(serviceKey)")
            trace("profile: \(shared.profileName)")
            trace("region: \(settings.region ?? "<none>") (from \(settings.regionSource ?? "nowhere"))")
            trace("endpoint: \(settings.endpointURL ?? "from the endpoint rules") (from \(settings.endpointURLSource ?? "the region"))")
            trace("retries: \(settings.retryMode.rawValue) mode, \(settings.maxAttempts) attempts")
            for note in settings.notes { trace("note: \(note)") }
        }

        transport = CurlTransport(
            configuration: .init(
                userAgent: "ccs/\(CCSVersion.string)", connectTimeout: settings.connectTimeout,
                readTimeout: settings.readTimeout, totalTimeout: 0, caBundlePath: settings.caBundle,
                proxies: ProxySettings(environment: environment)))
        // Container and instance metadata endpoints are link-local or loopback: never proxied,
        // and short timeouts, so a machine without them answers quickly.
        // The time-outs given still apply when shorter.
        let metadataTransport = CurlTransport(
            configuration: .init(
                userAgent: "ccs/\(CCSVersion.string)", connectTimeout: Self.shorter(1, settings.connectTimeout),
                readTimeout: Self.shorter(2, settings.readTimeout), totalTimeout: 2, proxies: ProxySettings()))
        // STS for role profiles and web identity: the profile's region (us-east-1 when it has
        // none, as botocore's global default), its own endpoint rules (AWS_ENDPOINT_URL_STS,
        // then --endpoint-url and AWS_ENDPOINT_URL as for every service), the same retries.
        let stsSettings = try ResolvedSettings.resolve(
            region: global.region, endpointURL: global.endpointURL, connectTimeout: global.connectTimeout,
            readTimeout: global.readTimeout, environment: environment, configuration: shared,
            serviceKey: STSClient.serviceKey)
        let ssoSettings = try ResolvedSettings.resolve(
            region: global.region, endpointURL: nil, connectTimeout: global.connectTimeout,
            readTimeout: global.readTimeout, environment: environment, configuration: shared, serviceKey: "sso")
        let stsTransport = CurlTransport(configuration: transport.configuration)
        self.stsTransport = stsTransport
        let stsConfiguration = ClientConfiguration(
            region: stsSettings.region ?? "us-east-1", endpointURL: stsSettings.endpointURL,
            useFIPS: stsSettings.useFIPSEndpoint, useDualStack: stsSettings.useDualStackEndpoint,
            retryMode: stsSettings.retryMode, maxAttempts: stsSettings.maxAttempts, trace: trace)
        let roles = RoleWiring(
            sts: { credentials in
                STSClient(configuration: stsConfiguration, credentials: credentials, transport: stsTransport)
            },
            cache: roleCache, transport: stsTransport, ssoEndpointURL: ssoSettings.endpointURL)
        self.stsConfiguration = stsConfiguration
        let chain = CredentialProviderChain.standard(
            configuration: shared, environment: environment, transport: metadataTransport, roles: roles)
        let provider: any CredentialProvider & Sendable =
            role.map { AssumeRoleCredentialProvider($0, source: chain, sts: roles.sts, cache: roleCache) } ?? chain
        credentials = { try provider.resolve() }
        var limiter: AdaptiveRateLimiter? = nil
        if settings.retryMode == .adaptive {
            let account = role.flatMap { STSWire.roleArnParts($0.roleArn)?.account } ?? "profile \(shared.profileName)"
            let registry = rateLimiters ?? RateLimiterRegistry(
                initialRate: environment["CCS_RATE_LIMIT"].flatMap(Double.init))
            limiter = registry.limiter(for: "\(account)/\(settings.region ?? "")")
        }
        self.rateLimiter = limiter
        configuration = ClientConfiguration(
            region: settings.region, endpointURL: settings.endpointURL,
            useFIPS: settings.useFIPSEndpoint, useDualStack: settings.useDualStackEndpoint,
            retryMode: settings.retryMode, maxAttempts: settings.maxAttempts, trace: trace,
            rateLimiter: limiter)
    }

    /// An STS client signing with these parts' credentials.
    func stsClient() -> STSClient {
        STSClient(configuration: stsConfiguration, credentials: credentials, transport: stsTransport)
    }

    /// The shorter of two time-outs, where 0 means none.
    static func shorter(_ a: Double, _ b: Double) -> Double {
        a == 0 ? b : (b == 0 ? a : min(a, b))
    }
}
