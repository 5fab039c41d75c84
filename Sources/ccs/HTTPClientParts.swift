import CloudControl
import Foundation

/// What an HTTP client of an AWS service needs, resolved the AWS CLI's way (options, then
/// environment, then profile) for one service key (`cloudcontrol`, `cloudformation`): its
/// configuration, a credential source and a libcurl transport.
struct HTTPClientParts {
    let configuration: ClientConfiguration
    let credentials: @Sendable () throws -> AWSCredentials
    let transport: CurlTransport

    init(_ global: GlobalOptions, environment: [String: String], serviceKey: String) throws {
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
        let provider = CredentialProviderChain.standard(
            configuration: shared, environment: environment, transport: metadataTransport)
        credentials = { try provider.resolve() }
        configuration = ClientConfiguration(
            region: settings.region, endpointURL: settings.endpointURL,
            useFIPS: settings.useFIPSEndpoint, useDualStack: settings.useDualStackEndpoint,
            retryMode: settings.retryMode, maxAttempts: settings.maxAttempts, trace: trace)
    }

    /// The shorter of two time-outs, where 0 means none.
    static func shorter(_ a: Double, _ b: Double) -> Double {
        a == 0 ? b : (b == 0 ? a : min(a, b))
    }
}
