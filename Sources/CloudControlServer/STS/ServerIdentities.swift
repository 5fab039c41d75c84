import Foundation
import NIOConcurrencyHelpers

/// Who may sign requests to the emulator, and which account each key belongs to: the
/// long-term keys it was started with (`ccs serve --credentials AKID:SECRET[:ACCOUNT]`) and
/// the temporary credentials its STS issued (AssumeRole, AssumeRoleWithWebIdentity). A
/// temporary key is only accepted with its session token and until it expires, as AWS does.
public final class ServerIdentities: Sendable {
    /// The principal behind a verified request.
    public struct Principal: Sendable, Equatable {
        public var account: String
        /// `arn:aws:iam::ACCOUNT:root` for a long-term key (the emulator has no IAM users),
        /// `arn:aws:sts::ACCOUNT:assumed-role/NAME/SESSION` for a role session.
        public var arn: String
        /// GetCallerIdentity's UserId: the account id for the root, `ROLEID:SESSION` for a role.
        public var userId: String
        /// Set for temporary credentials: a role session may chain to another role for at most
        /// an hour.
        public var isRoleSession: Bool
    }

    /// Credentials STS handed out.
    public struct Issued: Sendable {
        public var accessKeyId: String
        public var secretAccessKey: String
        public var sessionToken: String
        public var expiration: Date
        public var principal: Principal
    }

    private struct LongTerm: Sendable {
        var secret: String
        var account: String
    }

    private let longTerm: [String: LongTerm]
    private let temporary = NIOLockedValueBox([String: Issued]())

    /// - Parameters:
    ///   - secrets: access key id → secret access key.
    ///   - accounts: access key id → account id; keys not named here belong to `defaultAccount`.
    public init(secrets: [String: String], accounts: [String: String] = [:], defaultAccount: String) {
        var keys: [String: LongTerm] = [:]
        for (akid, secret) in secrets {
            keys[akid] = LongTerm(secret: secret, account: accounts[akid] ?? defaultAccount)
        }
        longTerm = keys
    }

    /// The secret that signs for `accessKeyId`, long-term or temporary (expired or not: the
    /// expiry is reported after the signature is checked, as AWS's ExpiredToken is).
    public func secret(for accessKeyId: String) -> String? {
        if let key = longTerm[accessKeyId] { return key.secret }
        return temporary.withLockedValue { $0[accessKeyId]?.secretAccessKey }
    }

    /// Why a verified signature still does not authenticate.
    public struct Refusal: Error, Sendable, Equatable {
        public var code: String
        public var message: String
    }

    /// The principal of a request signed by `accessKeyId` with `sessionToken`, at `now`.
    public func principal(accessKeyId: String, sessionToken: String?, now: Date) throws(Refusal) -> Principal {
        if let key = longTerm[accessKeyId] {
            return Principal(
                account: key.account, arn: "arn:aws:iam::\(key.account):root", userId: key.account,
                isRoleSession: false)
        }
        guard let issued = temporary.withLockedValue({ $0[accessKeyId] }) else {
            throw Refusal(code: "UnrecognizedClientException", message: "The security token included in the request is invalid.")
        }
        guard let sessionToken, sessionToken == issued.sessionToken else {
            throw Refusal(
                code: "UnrecognizedClientException",
                message: "The security token included in the request is invalid. (Temporary key \(accessKeyId) needs the session token issued with it.)")
        }
        guard now < issued.expiration else {
            throw Refusal(code: "ExpiredTokenException", message: "The security token included in the request is expired")
        }
        return issued.principal
    }

    /// New temporary credentials for a session of `roleName` in `account`, valid for `duration`
    /// seconds from `now`. Key ids start with `ASIA`, as AWS's temporary keys do.
    public func issue(account: String, roleName: String, sessionName: String, duration: Int, now: Date) -> Issued {
        var random = SystemRandomNumberGenerator()
        let upper = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567"
        let secretAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
        func draw(_ count: Int, _ alphabet: String) -> String {
            let characters = Array(alphabet)
            return String((0..<count).map { _ in characters.randomElement(using: &random)! })
        }
        let roleId = "AROA" + Self.stableId(account + ":" + roleName)
        let issued = Issued(
            accessKeyId: "ASIA" + draw(16, upper), secretAccessKey: draw(40, secretAlphabet),
            sessionToken: "ccs-emulator-session/" + draw(96, secretAlphabet),
            expiration: now.addingTimeInterval(TimeInterval(duration)),
            principal: Principal(
                account: account, arn: "arn:aws:sts::\(account):assumed-role/\(roleName)/\(sessionName)",
                userId: "\(roleId):\(sessionName)", isRoleSession: true))
        temporary.withLockedValue { table in
            // Forget expired sessions as new ones are issued, so a long run stays bounded.
            table = table.filter { $0.value.expiration > now }
            table[issued.accessKeyId] = issued
        }
        return issued
    }

    /// A role's unique id is stable for the role (IAM's RoleId), so the same role assumed
    /// twice reports the same `AROA…` prefix: 13 characters from an FNV-1a hash of its name.
    static func stableId(_ text: String) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x100_0000_01b3
        }
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567")
        var out = ""
        var value = hash
        for _ in 0..<13 {
            out.append(alphabet[Int(value & 31)])
            value >>= 5
        }
        return out
    }
}
