import Foundation

/// Whether and when to retry a failed attempt: a pure decision over the failure, the attempt
/// number and the quota, as botocore's standard retry mode (botocore/retries/standard.py) and
/// the SDKs' "standard" retry behaviour define it:
///
/// - retryable: throttling error codes, transient error codes, HTTP 500/502/503/504, and
///   transport failures: botocore retries its whole `ConnectionError`/`HTTPClientError`
///   family, which covers refused, reset and dropped connections, unresolved hosts, timeouts,
///   TLS errors (`SSLError`) and unparseable replies (urllib3's `ProtocolError` becomes
///   `ConnectionClosedError`). Not retried: a response over the size limit (ccs's own guard)
///   and a request that cannot be sent at all (bad URL);
/// - at most `maxAttempts` attempts in all (first try included; default 3);
/// - delay = random(0,1) × min(2^(attempt−1), 20) seconds, attempt counted from 1 for the first
///   try: truncated binary exponential backoff with full jitter;
/// - every retry must be paid from the `RetryQuota` (standard mode only).
///
/// Legacy mode follows botocore's `_retry.json` instead: HTTP 429, 500, 502, 503, 504 and 509,
/// the five throttling codes it lists (with HTTP 400), and connection failures; the same
/// jittered backoff without the 20 s cap; no quota; 5 attempts by default.
///
/// The random source is injected, so tests are deterministic; the policy never sleeps.
public struct RetryPolicy: Sendable {
    /// What to do after a failed attempt.
    public enum Decision: Sendable, Equatable {
        /// Send the request again after this many seconds; `quotaCost` tokens were taken.
        case retry(after: TimeInterval, quotaCost: Int)
        /// Return the failure to the caller; `reason` says why no retry happens.
        case giveUp(reason: String)
    }

    /// Botocore's `_THROTTLED_ERROR_CODES` (retries/standard.py).
    public static let throttlingErrorCodes: Set<String> = [
        "Throttling", "ThrottlingException", "ThrottledException", "RequestThrottledException",
        "TooManyRequestsException", "ProvisionedThroughputExceededException",
        "TransactionInProgressException",
        "RequestLimitExceeded", "BandwidthLimitExceeded", "LimitExceededException", "RequestThrottled",
        "SlowDown", "PriorRequestNotComplete", "EC2ThrottledException",
    ]
    /// Botocore's `_TRANSIENT_ERROR_CODES`.
    public static let transientErrorCodes: Set<String> = [
        "RequestTimeout", "RequestTimeoutException", "PriorRequestNotComplete",
    ]
    /// Botocore's `_TRANSIENT_STATUS_CODES`.
    public static let transientStatusCodes: Set<Int> = [500, 502, 503, 504]
    /// The cap on one delay, in seconds.
    public static let maxBackoff: TimeInterval = 20

    public var mode: RetryMode
    public var maxAttempts: Int
    /// Returns a number in [0, 1).
    public var random: @Sendable () -> Double

    /// - Parameters:
    ///   - maxAttempts: total attempts including the first; nil takes the mode's default.
    ///     Values below 1 are treated as 1.
    public init(
        mode: RetryMode = .standard, maxAttempts: Int? = nil,
        random: @escaping @Sendable () -> Double = { Double.random(in: 0..<1) }
    ) {
        self.mode = mode
        self.maxAttempts = max(1, maxAttempts ?? mode.defaultMaxAttempts)
        self.random = random
    }

    /// A policy that never retries (one attempt).
    public static let never = RetryPolicy(maxAttempts: 1)

    /// The statuses botocore's legacy mode retries (`_retry.json`: too_many_requests,
    /// general_server_error, bad_gateway, service_unavailable, gateway_timeout, limit_exceeded).
    public static let legacyRetryableStatusCodes: Set<Int> = [429, 500, 502, 503, 504, 509]
    /// The error codes botocore's legacy mode retries when they come with HTTP 400.
    public static let legacyThrottlingErrorCodes: Set<String> = [
        "Throttling", "ThrottlingException", "ThrottledException", "RequestThrottledException",
        "ProvisionedThroughputExceededException",
    ]

    /// True when the failure is of a kind worth retrying in `mode`, whatever the attempt count.
    public static func isRetryable(_ failure: RetryFailure, mode: RetryMode = .standard) -> Bool {
        switch failure {
        case .service(let status, let code) where mode == .legacy:
            if status == 400, let code, legacyThrottlingErrorCodes.contains(code) { return true }
            return legacyRetryableStatusCodes.contains(status)
        case .service(let status, let code):
            if let code, throttlingErrorCodes.contains(code) || transientErrorCodes.contains(code) {
                return true
            }
            return transientStatusCodes.contains(status)
        case .transport(let kind):
            switch kind {
            case .connectionRefused, .connectionReset, .connectionDropped, .hostNotFound, .timeout, .tls,
                .malformedResponse, .other:
                return true
            case .responseTooLarge, .invalidRequest:
                return false
            }
        }
    }

    /// True for throttling errors.
    public static func isThrottling(_ failure: RetryFailure) -> Bool {
        if case .service(_, let code?) = failure { return throttlingErrorCodes.contains(code) }
        return false
    }

    /// Decides after attempt number `attempt` (1 for the first try) failed with `failure`.
    /// In standard mode a retry takes its cost from `quota`; the caller refunds it through
    /// `recordSuccess` when a later attempt succeeds.
    public func decide(after failure: RetryFailure, attempt: Int, quota: RetryQuota?) -> Decision {
        guard RetryPolicy.isRetryable(failure, mode: mode) else {
            return .giveUp(reason: "the error is not retryable")
        }
        guard attempt < maxAttempts else {
            return .giveUp(reason: "max attempts (\(maxAttempts)) reached")
        }
        var cost = 0
        if mode != .legacy, let quota {
            cost = failure.isTimeout ? RetryQuota.timeoutRetryCost : RetryQuota.retryCost
            guard quota.acquire(cost) else {
                return .giveUp(reason: "the retry quota is exhausted")
            }
        }
        return .retry(after: delay(attempt: attempt), quotaCost: cost)
    }

    /// The seconds a `Retry-After` header asks to wait (RFC 9110 §10.2.3, the delay-seconds
    /// form: a non-negative integer); nil for anything else, an HTTP date included, which
    /// then leaves the backoff as it is.
    public static func retryAfter(_ value: String) -> TimeInterval? {
        let digits = value.trimmingCharacters(in: .whitespaces)
        guard !digits.isEmpty, digits.utf8.allSatisfy({ (0x30...0x39).contains($0) }) else { return nil }
        return TimeInterval(digits.count > 9 ? 999_999_999 : Int(digits)!)
    }

    /// The jittered backoff after failed attempt `attempt` (1-based); capped at 20 s except in
    /// legacy mode, whose `_retry.json` delay has no cap.
    public func delay(attempt: Int) -> TimeInterval {
        let growth = pow(2, Double(max(0, min(attempt - 1, 30))))
        return random() * (mode == .legacy ? growth : min(growth, RetryPolicy.maxBackoff))
    }

    /// Refunds the quota after a successful response: what the last retry took, or 1 token
    /// when the call succeeded on its first attempt (botocore's `release_retry_quota`).
    public func recordSuccess(lastQuotaCost: Int, quota: RetryQuota?) {
        guard mode != .legacy, let quota else { return }
        quota.release(lastQuotaCost > 0 ? lastQuotaCost : RetryQuota.noRetryRefund)
    }
}
