import CloudControlLocal
import NIOConcurrencyHelpers
import Testing

@testable import CloudControlServer

/// `--rate-limit`: one token bucket per (account, region), on an injected clock.
@Suite struct PartitionRateLimiterTests {
    @Test func aBurstOfTheRatePassesThenOneRequestPerRefill() {
        let clock = NIOLockedValueBox(100.0)
        let limiter = PartitionRateLimiter(rate: 3, clock: { clock.withLockedValue { $0 } })
        let east = AccountRegion(account: "111111111111", region: "us-east-1")
        #expect((0..<5).map { _ in limiter.admit(east) } == [true, true, true, false, false])
        clock.withLockedValue { $0 += 0.34 }
        #expect(limiter.admit(east))
        #expect(!limiter.admit(east))
        // A quiet spell refills to the rate, never beyond it.
        clock.withLockedValue { $0 += 60 }
        #expect((0..<4).map { _ in limiter.admit(east) } == [true, true, true, false])
    }

    @Test func eachAccountAndRegionHasItsOwnBucket() {
        let limiter = PartitionRateLimiter(rate: 1, clock: { 0 })
        let a = AccountRegion(account: "111111111111", region: "us-east-1")
        let b = AccountRegion(account: "222222222222", region: "us-east-1")
        let c = AccountRegion(account: "111111111111", region: "eu-west-1")
        #expect(limiter.admit(a) && !limiter.admit(a))
        #expect(limiter.admit(b) && limiter.admit(c))
    }
}
