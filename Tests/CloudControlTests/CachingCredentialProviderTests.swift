import Foundation
import Testing

@testable import CloudControl

/// Caching and refresh of expiring credentials, including failures and concurrent callers.
struct CachingCredentialProviderTests {
    /// A provider whose answers are scripted, counting how often it is asked.
    final class ScriptedProvider: CredentialProvider, @unchecked Sendable {
        let sourceDescription = "scripted"
        private let lock = NSLock()
        private var answers: [Result<AWSCredentials?, CredentialError>]
        private(set) var calls = 0

        init(_ answers: [Result<AWSCredentials?, CredentialError>]) { self.answers = answers }

        func credentials() throws(CredentialError) -> AWSCredentials? {
            lock.lock()
            defer { lock.unlock() }
            calls += 1
            let answer = answers.count > 1 ? answers.removeFirst() : answers[0]
            return try answer.get()
        }
    }

    static let start = Date(timeIntervalSince1970: 1_900_000_000)

    static func credentials(_ key: String, expiresIn seconds: TimeInterval?) -> AWSCredentials {
        AWSCredentials(
            accessKeyId: key, secretAccessKey: "s", sessionToken: "t",
            expiration: seconds.map { start.addingTimeInterval($0) })
    }

    @Test func longTermCredentialsAreFetchedOnce() throws {
        let base = ScriptedProvider([.success(Self.credentials("A", expiresIn: nil))])
        let cache = CachingCredentialProvider(base, now: { Self.start })
        for _ in 0..<5 { #expect(try cache.credentials()?.accessKeyId == "A") }
        #expect(base.calls == 1)
    }

    @Test func aFailedRefreshKeepsStillValidCredentialsThenReportsTheError() throws {
        let failure = CredentialError(.processFailed, "helper broke")
        let base = ScriptedProvider([.success(Self.credentials("A", expiresIn: 600)), .failure(failure)])
        let clock = TestClock(Self.start)
        let cache = CachingCredentialProvider(base, now: { clock.now })
        #expect(try cache.credentials()?.accessKeyId == "A")
        clock.now = Self.start.addingTimeInterval(400)  // inside the refresh window, not expired
        #expect(try cache.credentials()?.accessKeyId == "A")
        clock.now = Self.start.addingTimeInterval(601)  // expired
        #expect(throws: failure) { try cache.credentials() }
    }

    @Test func invalidateForcesAFetch() throws {
        let base = ScriptedProvider([
            .success(Self.credentials("A", expiresIn: nil)), .success(Self.credentials("B", expiresIn: nil)),
        ])
        let cache = CachingCredentialProvider(base, now: { Self.start })
        #expect(try cache.credentials()?.accessKeyId == "A")
        cache.invalidate()
        #expect(try cache.credentials()?.accessKeyId == "B")
    }

    @Test func concurrentCallersShareOneFetch() async throws {
        let base = ScriptedProvider([.success(Self.credentials("A", expiresIn: 3600))])
        let cache = CachingCredentialProvider(base, now: { Self.start })
        let keys = await withTaskGroup(of: String?.self) { group in
            for _ in 0..<32 { group.addTask { try? cache.credentials()?.accessKeyId } }
            var keys: [String?] = []
            for await key in group { keys.append(key) }
            return keys
        }
        #expect(keys == Array(repeating: "A", count: 32))
        #expect(base.calls == 1)
    }
}
