import Foundation

/// The client side of `retry_mode = adaptive` (botocore's `ClientRateLimiter`): a token bucket
/// in front of every attempt whose fill rate follows CUBIC congestion control. Until the first
/// throttle it lets everything through; a throttle (ThrottlingException, or a FAILED progress
/// event with ErrorCode Throttling) cuts the rate to 0.7 × what was being sent; successes then
/// grow it back along a cubic curve towards, and past, the rate that was throttled. One
/// limiter serves every call to one (account, region), from every thread, so a parallel job
/// slows down together instead of failing item by item (`RateLimiterRegistry`).
public final class AdaptiveRateLimiter: @unchecked Sendable {
    /// CUBIC's constants as botocore uses them.
    static let beta = 0.7
    static let scale = 0.4
    static let minimumFillRate = 0.5
    static let smoothing = 0.8
    static let bucketSeconds = 0.5

    private let lock = NSLock()
    private let clock: @Sendable () -> Double
    private(set) var enabled: Bool
    private(set) var fillRate: Double
    private var capacity: Double
    private var tokens: Double
    private var lastRefill: Double?
    private var lastMaxRate = 0.0
    private var lastThrottle: Double
    private var measuredRate = 0.0
    private var requestsInBucket = 0
    private var bucketStart: Double

    /// - Parameters:
    ///   - initialRate: requests a second to start at, limiting from the start; nil lets
    ///     everything through until the first throttle, as botocore does.
    ///   - clock: seconds on a monotonic clock, injectable for tests.
    public init(initialRate: Double? = nil, clock: @escaping @Sendable () -> Double = AdaptiveRateLimiter.monotonic) {
        self.clock = clock
        let now = clock()
        enabled = initialRate != nil
        fillRate = max(initialRate ?? Self.minimumFillRate, Self.minimumFillRate)
        capacity = max(fillRate, 1)
        tokens = capacity
        lastThrottle = now
        bucketStart = now
    }

    public static func monotonic() -> Double {
        Double(DispatchTime.now().uptimeNanoseconds) / 1_000_000_000
    }

    /// 0 when the next attempt may be sent now (its token is taken), else how long to wait
    /// before asking again: at most a quarter second, so that waiters see a rate that changed
    /// meanwhile instead of keeping a place in a queue computed at an older rate.
    public func delayBeforeSending() -> Double {
        lock.lock()
        defer { lock.unlock() }
        guard enabled else { return 0 }
        let now = clock()
        refill(now)
        if tokens >= 1 {
            tokens -= 1
            return 0
        }
        return min((1 - tokens) / fillRate, 0.25)
    }

    /// Records the outcome of one attempt.
    public func record(throttled: Bool) {
        lock.lock()
        defer { lock.unlock() }
        let now = clock()
        measure(now)
        let newRate: Double
        if throttled {
            // Concurrent requests sent at the old rate come back throttled together: cut once
            // per half second, as TCP's CUBIC reduces once per round trip, not once per loss.
            if enabled && now - lastThrottle < Self.bucketSeconds { return }
            let measured = measuredRate > 0 ? measuredRate : instantaneousRate(now)
            // Once limiting, cut the bucket's own rate: the measured rate lags, and falls
            // while callers wait, which would cut again and again towards the floor.
            let sent = enabled ? fillRate : measured
            lastMaxRate = max(sent, Self.minimumFillRate)
            lastThrottle = now
            newRate = lastMaxRate * Self.beta
            enabled = true
        } else {
            guard enabled else { return }
            newRate = cubic(now)
        }
        setRate(min(newRate, 2 * max(measuredRate, Self.minimumFillRate)), now)
    }

    /// The current fill rate, for traces and tests.
    public var rate: Double {
        lock.lock()
        defer { lock.unlock() }
        return fillRate
    }

    /// W(t) = C (t − K)³ + Wmax with K = ∛(Wmax (1 − β) / C): back to Wmax K seconds after the
    /// throttle, growing faster beyond it.
    private func cubic(_ now: Double) -> Double {
        let k = pow(lastMaxRate * (1 - Self.beta) / Self.scale, 1.0 / 3)
        let t = now - lastThrottle
        return Self.scale * pow(t - k, 3) + lastMaxRate
    }

    private func setRate(_ rate: Double, _ now: Double) {
        refill(now)
        fillRate = max(rate, Self.minimumFillRate)
        capacity = max(fillRate, 1)
        tokens = min(tokens, capacity)
    }

    private func refill(_ now: Double) {
        if let lastRefill { tokens = min(capacity, tokens + (now - lastRefill) * fillRate) }
        lastRefill = now
    }

    /// The rate of the bucket being counted, before the first measurement is complete: over
    /// at least a whole bucket, so a first burst of concurrent requests does not read as a
    /// rate hundreds of times what the server admits.
    private func instantaneousRate(_ now: Double) -> Double {
        Double(requestsInBucket) / max(now - bucketStart, Self.bucketSeconds)
    }

    /// The sending rate, smoothed over half-second buckets.
    private func measure(_ now: Double) {
        requestsInBucket += 1
        let elapsed = now - bucketStart
        guard elapsed >= Self.bucketSeconds else { return }
        let current = Double(requestsInBucket) / elapsed
        measuredRate = current * Self.smoothing + measuredRate * (1 - Self.smoothing)
        requestsInBucket = 0
        bucketStart = now
    }
}

/// One `AdaptiveRateLimiter` per (account, region) for the whole process: the clients of every
/// session acting there share it.
public final class RateLimiterRegistry: @unchecked Sendable {
    private let lock = NSLock()
    private var limiters: [String: AdaptiveRateLimiter] = [:]
    private let initialRate: Double?

    public init(initialRate: Double? = nil) {
        self.initialRate = initialRate
    }

    /// The limiter of `key` (e.g. `111111111111/eu-west-1`), made on first use.
    public func limiter(for key: String) -> AdaptiveRateLimiter {
        lock.lock()
        defer { lock.unlock() }
        if let existing = limiters[key] { return existing }
        let made = AdaptiveRateLimiter(initialRate: initialRate)
        limiters[key] = made
        return made
    }
}
