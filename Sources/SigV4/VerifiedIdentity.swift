import Foundation

/// Who signed an accepted request, and for which scope.
public struct VerifiedIdentity: Sendable, Equatable {
    public let accessKeyId: String
    public let region: String
    public let service: String
    /// The request's `X-Amz-Date`.
    public let date: Date
    /// The `X-Amz-Security-Token` sent with the request, if any.
    public let sessionToken: String?
    /// The lowercase names of the signed headers.
    public let signedHeaders: [String]
}

extension VerifiedIdentity: CustomStringConvertible {
    /// Never shows the session token.
    public var description: String {
        "VerifiedIdentity(accessKeyId: \(accessKeyId), scope: \(region)/\(service), "
            + "sessionToken: \(sessionToken == nil ? "none" : "<redacted>"), "
            + "signedHeaders: \(signedHeaders.joined(separator: ";")))"
    }
}
