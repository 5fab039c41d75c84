import Foundation
import SigV4

/// Temporary credentials of role sessions, kept per (caller, role, session name, external id)
/// and handed out until 5 minutes before they expire, as the SDKs refresh ahead of time: every
/// session of a process that assumes the same role with the same name shares one STS call.
/// One instance is made by whoever wires the clients (the executable) and passed down; safe
/// to use from several threads, one refresh per key at a time.
public final class RoleSessionCache: @unchecked Sendable {
    public let refreshWindow: TimeInterval
    private let now: @Sendable () -> Date
    private let lock = NSLock()
    private var entries: [String: AWSCredentials] = [:]
    private var refreshing: [String: NSLock] = [:]

    public init(refreshWindow: TimeInterval = 5 * 60, now: @escaping @Sendable () -> Date = { Date() }) {
        self.refreshWindow = refreshWindow
        self.now = now
    }

    /// The cached credentials for `key`, or those `fetch` returns (then cached). `fetch` runs
    /// at most once at a time per key; callers of the same key wait for it and share its answer.
    public func credentials(for key: String, fetch: () throws(CredentialError) -> AWSCredentials)
        throws(CredentialError) -> AWSCredentials
    {
        if let fresh = fresh(key) { return fresh }
        let keyLock = lock.withLock {
            if let existing = refreshing[key] { return existing }
            let made = NSLock()
            refreshing[key] = made
            return made
        }
        keyLock.lock()
        defer { keyLock.unlock() }
        if let fresh = fresh(key) { return fresh }
        let fetched = try fetch()
        lock.withLock { entries[key] = fetched }
        return fetched
    }

    private func fresh(_ key: String) -> AWSCredentials? {
        lock.withLock {
            guard let cached = entries[key] else { return nil }
            if let expiration = cached.expiration, expiration.timeIntervalSince(now()) <= refreshWindow { return nil }
            return cached
        }
    }
}
