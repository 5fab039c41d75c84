import CloudControlLocal
import Foundation
import NIOConcurrencyHelpers

/// `ccs serve --rate-limit N`: at most N requests a second per (account, region), as Cloud
/// Control meters each account in each region separately. A token bucket per partition that
/// holds up to N tokens (so a burst of N after a quiet second passes) and refills at N a
/// second; a request that finds it empty is answered ThrottlingException at once, the way
/// the service answers a rate beyond its quota.
final class PartitionRateLimiter: Sendable {
    private struct Bucket {
        var tokens: Double
        var updated: Double
    }

    let rate: Double
    private let clock: @Sendable () -> Double
    private let buckets = NIOLockedValueBox([AccountRegion: Bucket]())

    /// - Parameters:
    ///   - rate: requests a second; must be positive.
    ///   - clock: seconds on a monotonic clock, injectable for tests.
    init(rate: Double, clock: @escaping @Sendable () -> Double = { PartitionRateLimiter.monotonicSeconds() }) {
        self.rate = rate
        self.clock = clock
    }

    /// Takes a token from the bucket of `partition`; false when there is none.
    func admit(_ partition: AccountRegion) -> Bool {
        let now = clock()
        return buckets.withLockedValue { table in
            var bucket = table[partition] ?? Bucket(tokens: rate, updated: now)
            bucket.tokens = min(rate, bucket.tokens + (now - bucket.updated) * rate)
            bucket.updated = now
            let admitted = bucket.tokens >= 1
            if admitted { bucket.tokens -= 1 }
            table[partition] = bucket
            return admitted
        }
    }

    static func monotonicSeconds() -> Double {
        Double(DispatchTime.now().uptimeNanoseconds) / 1_000_000_000
    }
}
