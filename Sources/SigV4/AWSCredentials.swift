import Foundation

/// An access key pair, with the session token of temporary credentials and their expiry.
///
/// `description`, `debugDescription` and the mirror (`dump`) never show the secret access key or the session
/// token, so credentials may be interpolated into logs and error messages safely.
public struct AWSCredentials: Sendable, Equatable, CustomStringConvertible, CustomDebugStringConvertible,
    CustomReflectable
{
    public let accessKeyId: String
    public let secretAccessKey: String
    /// The session token of temporary credentials (STS, SSO, containers, instance roles).
    public let sessionToken: String?
    /// When temporary credentials stop working; `nil` for long-term keys.
    public let expiration: Date?

    public init(
        accessKeyId: String, secretAccessKey: String, sessionToken: String? = nil, expiration: Date? = nil
    ) {
        self.accessKeyId = accessKeyId
        self.secretAccessKey = secretAccessKey
        self.sessionToken = sessionToken
        self.expiration = expiration
    }

    /// `AWSCredentials(accessKeyId: AKID…, secretAccessKey: <redacted>, …)`.
    public var description: String {
        var parts = ["accessKeyId: \(accessKeyId)", "secretAccessKey: <redacted>"]
        if sessionToken != nil { parts.append("sessionToken: <redacted>") }
        if let expiration { parts.append("expiration: \(expiration)") }
        return "AWSCredentials(\(parts.joined(separator: ", ")))"
    }

    public var debugDescription: String { description }

    /// What `dump` and test-failure printers show: the secrets redacted as in `description`.
    public var customMirror: Mirror {
        Mirror(
            self,
            children: [
                "accessKeyId": accessKeyId, "secretAccessKey": "<redacted>",
                "sessionToken": sessionToken == nil ? "nil" : "<redacted>",
                "expiration": expiration.map { "\($0)" } ?? "nil",
            ])
    }
}
