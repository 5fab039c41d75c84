import Foundation
import SigV4

/// Keeps the credentials of another provider and asks it again only when they are about to
/// expire: `refreshWindow` (5 minutes) before `expiration`, as the SDKs refresh ahead of time.
/// Credentials without an expiration are kept for the provider's lifetime. If a refresh fails
/// while the cached credentials are still valid, those are used; once they have expired, the
/// error is reported. Safe to call from several threads; one refresh runs at a time.
public final class CachingCredentialProvider: CredentialProvider, @unchecked Sendable {
    private let base: any CredentialProvider
    private let refreshWindow: TimeInterval
    private let now: @Sendable () -> Date
    private let lock = NSLock()
    private var cached: AWSCredentials?

    public var sourceDescription: String { base.sourceDescription }
    public var sourceDescriptions: [String] { base.sourceDescriptions }

    public init(
        _ base: any CredentialProvider, refreshWindow: TimeInterval = 5 * 60,
        now: @escaping @Sendable () -> Date = { Date() }
    ) {
        self.base = base
        self.refreshWindow = refreshWindow
        self.now = now
    }

    public func credentials() throws(CredentialError) -> AWSCredentials? {
        lock.lock()
        defer { lock.unlock() }
        let current = now()
        if let cached, !needsRefresh(cached, at: current) {
            return cached
        }
        do {
            let fresh = try base.credentials()
            cached = fresh
            return fresh
        } catch {
            if let cached, let expiration = cached.expiration, expiration > current {
                return cached
            }
            throw error
        }
    }

    /// Forgets the cached credentials, e.g. after the service rejected them as expired.
    public func invalidate() {
        lock.lock()
        cached = nil
        lock.unlock()
    }

    private func needsRefresh(_ credentials: AWSCredentials, at date: Date) -> Bool {
        guard let expiration = credentials.expiration else { return false }
        return expiration.timeIntervalSince(date) <= refreshWindow
    }
}
