import CloudControl
import Foundation
import Testing

/// The adaptive token bucket on an injected clock: off until the first throttle, then 0.7 ×
/// the measured rate, growing back along CUBIC's curve with successes.
@Suite struct AdaptiveRateLimiterTests {
    final class Clock: @unchecked Sendable {
        var now = 1000.0
    }

    @Test func letsEverythingThroughUntilTheFirstThrottle() {
        let clock = Clock()
        let limiter = AdaptiveRateLimiter(clock: { clock.now })
        for _ in 0..<100 {
            #expect(limiter.delayBeforeSending() == 0)
            limiter.record(throttled: false)
        }
    }

    @Test func aThrottleCutsTheRateAndSuccessesGrowItBack() {
        let clock = Clock()
        let limiter = AdaptiveRateLimiter(clock: { clock.now })
        // Send 20 requests/s for two seconds, then get throttled.
        for _ in 0..<40 {
            _ = limiter.delayBeforeSending()
            limiter.record(throttled: false)
            clock.now += 0.05
        }
        limiter.record(throttled: true)
        let cut = limiter.rate
        #expect(cut > 10 && cut < 16, "0.7 × about 20 requests/s, got \(cut)")
        // Once the bucket is empty, the next attempt waits for the refill.
        var sent = 0
        while limiter.delayBeforeSending() == 0 { sent += 1 }
        #expect(sent <= Int(cut) + 1)
        let wait = limiter.delayBeforeSending()
        #expect(wait > 0 && wait <= 0.25)
        clock.now += 1 / cut
        #expect(limiter.delayBeforeSending() == 0)
        // Successes over the next seconds bring the rate back up past the cut.
        for _ in 0..<80 {
            clock.now += 0.1
            _ = limiter.delayBeforeSending()
            limiter.record(throttled: false)
        }
        #expect(limiter.rate > cut)
    }

    @Test func aStartingRateLimitsAtOnce() {
        let clock = Clock()
        let limiter = AdaptiveRateLimiter(initialRate: 2, clock: { clock.now })
        let delays = (0..<3).map { _ in limiter.delayBeforeSending() }
        #expect(delays[0] == 0 && delays[1] == 0)
        #expect(abs(delays[2] - 0.25) < 1e-9, "wait for the refill, a quarter second at most")
        clock.now += 0.5
        #expect(limiter.delayBeforeSending() == 0)
    }

    @Test func oneLimiterPerKey() {
        let registry = RateLimiterRegistry()
        #expect(registry.limiter(for: "1/us-east-1") === registry.limiter(for: "1/us-east-1"))
        #expect(registry.limiter(for: "1/us-east-1") !== registry.limiter(for: "2/us-east-1"))
    }
}
