import Foundation

/// Everything a `CloudControlClient` needs besides its credentials and its transport: where
/// to send requests, how to retry, and where to write debug traces. Built from resolved
/// settings (command-line options, environment, profile) by the caller.
public struct ClientConfiguration: Sendable {
    /// The region of the endpoint and of the signature's credential scope.
    public var region: String?
    /// An explicit endpoint (`--endpoint-url`, `AWS_ENDPOINT_URL_CLOUDCONTROL`,
    /// `AWS_ENDPOINT_URL`, profile `endpoint_url`); nil resolves it from the region.
    public var endpointURL: String?
    public var useFIPS: Bool
    public var useDualStack: Bool
    public var retryMode: RetryMode
    /// Total attempts per call (first try included); nil takes the mode's default.
    public var maxAttempts: Int?
    /// Time allowed for one attempt; nil uses the transport's own total timeout.
    public var attemptTimeout: TimeInterval?
    /// Receives the debug trace (canonical request, string to sign, HTTP exchange), secrets
    /// redacted. Nil disables tracing.
    public var trace: (@Sendable (String) -> Void)?
    /// Waits between attempts. Injected so tests never sleep for real.
    public var sleep: @Sendable (TimeInterval) -> Void
    /// The random source of the backoff jitter, in [0, 1).
    public var random: @Sendable () -> Double
    /// The clock used to date signatures.
    public var now: @Sendable () -> Date
    /// `retry_mode = adaptive`: the token bucket every attempt waits on, shared per (account,
    /// region); nil in the other modes.
    public var rateLimiter: AdaptiveRateLimiter?

    public init(
        region: String?, endpointURL: String? = nil, useFIPS: Bool = false, useDualStack: Bool = false,
        retryMode: RetryMode = .standard, maxAttempts: Int? = nil, attemptTimeout: TimeInterval? = nil,
        trace: (@Sendable (String) -> Void)? = nil,
        sleep: @escaping @Sendable (TimeInterval) -> Void = { Thread.sleep(forTimeInterval: $0) },
        random: @escaping @Sendable () -> Double = { Double.random(in: 0..<1) },
        now: @escaping @Sendable () -> Date = { Date() }, rateLimiter: AdaptiveRateLimiter? = nil
    ) {
        self.rateLimiter = rateLimiter
        self.region = region
        self.endpointURL = endpointURL
        self.useFIPS = useFIPS
        self.useDualStack = useDualStack
        self.retryMode = retryMode
        self.maxAttempts = maxAttempts
        self.attemptTimeout = attemptTimeout
        self.trace = trace
        self.sleep = sleep
        self.random = random
        self.now = now
    }
}
