import Foundation
import Testing

@testable import CloudControl

/// One case of Fixtures/retry/retry.json: botocore's standard-mode decision for a failure
/// (see generate.py next to it).
struct RetryCase: Decodable, CustomTestStringConvertible, Sendable {
    var status: Int?
    var code: String?
    var transport: String?
    var retryable: Bool
    var quotaCost: Int

    var testDescription: String {
        if let transport { return "transport \(transport)" }
        return "HTTP \(status ?? 0) \(code ?? "<no code>")"
    }

    var failure: RetryFailure? {
        if let transport {
            return TransportError.Kind.allCases.first { "\($0)" == transport }.map { .transport($0) }
        }
        return status.map { .service(status: $0, code: code) }
    }

    static func load() -> [RetryCase] {
        struct File: Decodable { var cases: [RetryCase] }
        guard let url = Bundle.module.url(forResource: "Fixtures/retry/retry", withExtension: "json"),
            let data = try? Data(contentsOf: url),
            let file = try? JSONDecoder().decode(File.self, from: data)
        else { return [] }
        return file.cases
    }
}

@Suite("RetryPolicy decides as botocore's standard mode")
struct RetryConformanceTests {
    @Test func fixtureIsPresent() {
        #expect(RetryCase.load().count > 250)
    }

    @Test(arguments: RetryCase.load())
    func matchesBotocore(_ testCase: RetryCase) throws {
        let failure = try #require(testCase.failure, "the fixture names an unknown transport kind")
        let quota = RetryQuota()
        let decision = RetryPolicy(random: { 0.5 }).decide(after: failure, attempt: 1, quota: quota)
        if testCase.retryable {
            #expect(decision == .retry(after: 0.5, quotaCost: testCase.quotaCost))
            #expect(quota.availableCapacity == RetryQuota.initialCapacity - testCase.quotaCost)
        } else {
            #expect(decision == .giveUp(reason: "the error is not retryable"))
        }
    }
}
