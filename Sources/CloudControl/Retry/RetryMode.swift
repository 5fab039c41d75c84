/// The retry modes of the AWS SDKs' shared configuration (`retry_mode`, `AWS_RETRY_MODE`).
/// `adaptive` is `standard` plus a client-side token bucket per (account, region)
/// (`AdaptiveRateLimiter`), as botocore's adaptive mode.
public enum RetryMode: String, Sendable, Equatable, CaseIterable {
    case standard
    case legacy
    case adaptive

    /// The default number of attempts (first try included) when none is configured:
    /// 3 in standard mode, 5 in legacy mode (botocore's `_retry.json` allows 4 retries).
    public var defaultMaxAttempts: Int {
        switch self {
        case .standard, .adaptive: return 3
        case .legacy: return 5
        }
    }
}
