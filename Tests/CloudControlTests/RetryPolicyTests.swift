import Foundation
import Testing

@testable import CloudControl

@Suite("RetryPolicy as a pure decision")
struct RetryPolicyTests {
    static let fixedRandom: @Sendable () -> Double = { 0.5 }

    @Test(arguments: Array(RetryPolicy.throttlingErrorCodes))
    func throttlingCodesAreRetried(code: String) {
        let policy = RetryPolicy(random: Self.fixedRandom)
        #expect(
            policy.decide(after: .service(status: 400, code: code), attempt: 1, quota: RetryQuota())
                == .retry(after: 0.5, quotaCost: 5))
    }

    @Test(arguments: [500, 502, 503, 504])
    func transientStatusesAreRetried(status: Int) {
        #expect(RetryPolicy.isRetryable(.service(status: status, code: "InternalFailure")))
    }

    @Test(arguments: ["RequestTimeout", "RequestTimeoutException", "PriorRequestNotComplete"])
    func transientCodesAreRetried(code: String) {
        #expect(RetryPolicy.isRetryable(.service(status: 400, code: code)))
    }

    @Test(arguments: [
        RetryFailure.service(status: 400, code: "ValidationException"),
        .service(status: 400, code: "InvalidRequestException"),
        .service(status: 404, code: "ResourceNotFoundException"),
        .service(status: 501, code: nil),
        .service(status: 400, code: nil),
        .transport(.responseTooLarge), .transport(.invalidRequest),
    ])
    func otherFailuresAreNotRetried(failure: RetryFailure) {
        let quota = RetryQuota()
        #expect(
            RetryPolicy().decide(after: failure, attempt: 1, quota: quota)
                == .giveUp(reason: "the error is not retryable"))
        #expect(quota.availableCapacity == 500)
    }

    @Test(arguments: [
        TransportError.Kind.connectionRefused, .connectionReset, .connectionDropped, .hostNotFound, .timeout,
        .tls, .malformedResponse, .other,
    ])
    func connectionFailuresAreRetried(kind: TransportError.Kind) {
        #expect(RetryPolicy.isRetryable(.transport(kind)))
    }

    @Test func maxAttemptsDefaultsToThreeAndStopsThere() {
        let policy = RetryPolicy(random: Self.fixedRandom)
        #expect(policy.maxAttempts == 3)
        let throttled = RetryFailure.service(status: 400, code: "ThrottlingException")
        #expect(policy.decide(after: throttled, attempt: 2, quota: nil) == .retry(after: 1.0, quotaCost: 0))
        #expect(
            policy.decide(after: throttled, attempt: 3, quota: nil)
                == .giveUp(reason: "max attempts (3) reached"))
        #expect(RetryPolicy(mode: .legacy).maxAttempts == 5)
        #expect(RetryPolicy(maxAttempts: 0).maxAttempts == 1)
    }

    @Test func backoffIsFullJitterExponentialCappedAtTwentySeconds() {
        let one = RetryPolicy(maxAttempts: 50, random: { 0.999_999 })
        #expect(abs(one.delay(attempt: 1) - 1) < 0.001)
        #expect(abs(one.delay(attempt: 2) - 2) < 0.001)
        #expect(abs(one.delay(attempt: 3) - 4) < 0.001)
        #expect(abs(one.delay(attempt: 5) - 16) < 0.001)
        #expect(abs(one.delay(attempt: 6) - 20) < 0.001)
        #expect(abs(one.delay(attempt: 40) - 20) < 0.001)
        #expect(RetryPolicy(random: { 0 }).delay(attempt: 3) == 0)
        #expect(RetryPolicy(random: { 0.25 }).delay(attempt: 3) == 1)
    }

    @Test func quotaChargesFiveOrTenAndRefunds() {
        let quota = RetryQuota()
        let policy = RetryPolicy(random: Self.fixedRandom)
        #expect(
            policy.decide(after: .transport(.timeout), attempt: 1, quota: quota)
                == .retry(after: 0.5, quotaCost: 10))
        #expect(quota.availableCapacity == 490)
        #expect(
            policy.decide(after: .service(status: 503, code: nil), attempt: 1, quota: quota)
                == .retry(after: 0.5, quotaCost: 5))
        #expect(quota.availableCapacity == 485)
        policy.recordSuccess(lastQuotaCost: 5, quota: quota)
        #expect(quota.availableCapacity == 490)
        policy.recordSuccess(lastQuotaCost: 0, quota: quota)
        #expect(quota.availableCapacity == 491)
        for _ in 0..<20 { policy.recordSuccess(lastQuotaCost: 10, quota: quota) }
        #expect(quota.availableCapacity == 500)
    }

    @Test func exhaustedQuotaGivesUp() {
        let quota = RetryQuota(capacity: 7)
        let policy = RetryPolicy(maxAttempts: 10, random: Self.fixedRandom)
        let failure = RetryFailure.service(status: 500, code: nil)
        #expect(policy.decide(after: failure, attempt: 1, quota: quota) == .retry(after: 0.5, quotaCost: 5))
        #expect(
            policy.decide(after: failure, attempt: 2, quota: quota)
                == .giveUp(reason: "the retry quota is exhausted"))
        #expect(quota.availableCapacity == 2)
    }

    @Test func legacyModeIgnoresTheQuota() {
        let quota = RetryQuota(capacity: 0)
        let policy = RetryPolicy(mode: .legacy, random: Self.fixedRandom)
        #expect(
            policy.decide(after: .service(status: 500, code: nil), attempt: 4, quota: quota)
                == .retry(after: 4, quotaCost: 0))
        #expect(
            policy.decide(after: .service(status: 500, code: nil), attempt: 5, quota: quota)
                == .giveUp(reason: "max attempts (5) reached"))
    }

    @Test(arguments: [
        (RetryFailure.service(status: 429, code: nil), true),
        (.service(status: 509, code: nil), true),
        (.service(status: 500, code: "InternalFailure"), true),
        (.service(status: 400, code: "ThrottlingException"), true),
        (.service(status: 400, code: "ProvisionedThroughputExceededException"), true),
        (.service(status: 400, code: "LimitExceededException"), false),
        (.service(status: 400, code: "RequestTimeout"), false),
        (.service(status: 403, code: "ThrottlingException"), false),
        (.transport(.connectionDropped), true),
        (.transport(.responseTooLarge), false),
    ])
    func legacyModeUsesBotocoresRetryJSON(failure: RetryFailure, retryable: Bool) {
        #expect(RetryPolicy.isRetryable(failure, mode: .legacy) == retryable)
    }

    @Test func legacyBackoffIsNotCapped() {
        let policy = RetryPolicy(mode: .legacy, maxAttempts: 10, random: { 0.5 })
        #expect(policy.delay(attempt: 7) == 32)
        #expect(RetryPolicy(mode: .standard, maxAttempts: 10, random: { 0.5 }).delay(attempt: 7) == 10)
    }
}
