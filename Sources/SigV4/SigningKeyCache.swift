import Foundation

/// "Calculate the signature", step 1: derives the signing key
/// `HMAC(HMAC(HMAC(HMAC("AWS4" + secret, date), region), service), "aws4_request")` and keeps
/// it per secret, date, region and service, since it changes only once a day. Thread-safe.
final class SigningKeyCache: @unchecked Sendable {
    private struct Key: Hashable {
        let secret: String
        let dateStamp: String
        let region: String
        let service: String
    }

    /// Bounded so that a server verifying many access keys cannot grow it without limit.
    private static let capacity = 64
    private let lock = NSLock()
    private var keys: [Key: [UInt8]] = [:]

    func signingKey(secret: String, scope: CredentialScope) -> [UInt8] {
        let key = Key(
            secret: secret, dateStamp: scope.dateStamp, region: scope.region, service: scope.service)
        lock.lock()
        let cached = keys[key]
        lock.unlock()
        if let cached { return cached }
        let derived = Self.derive(secret: secret, scope: scope)
        lock.lock()
        if keys.count >= Self.capacity { keys.removeAll(keepingCapacity: true) }
        keys[key] = derived
        lock.unlock()
        return derived
    }

    static func derive(secret: String, scope: CredentialScope) -> [UInt8] {
        let dateKey = LibCrypto.hmacSHA256(key: Array("AWS4\(secret)".utf8), data: scope.dateStamp)
        let regionKey = LibCrypto.hmacSHA256(key: dateKey, data: scope.region)
        let serviceKey = LibCrypto.hmacSHA256(key: regionKey, data: scope.service)
        return LibCrypto.hmacSHA256(key: serviceKey, data: CredentialScope.terminator)
    }
}
