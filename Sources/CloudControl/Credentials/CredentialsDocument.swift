import Foundation
import JSONCore
import SigV4

/// The JSON documents temporary credentials arrive in: `credential_process` output
/// (`Version`, `AccessKeyId`, `SecretAccessKey`, `SessionToken`, `Expiration`), and the
/// container and instance metadata endpoints (`AccessKeyId`, `SecretAccessKey`, `Token`,
/// `Expiration`, and for IMDS `Code`).
struct CredentialsDocument: Decodable {
    let version: Int?
    let accessKeyId: String?
    let secretAccessKey: String?
    let sessionToken: String?
    let token: String?
    let expiration: String?
    let code: String?

    enum CodingKeys: String, CodingKey {
        case version = "Version"
        case accessKeyId = "AccessKeyId"
        case secretAccessKey = "SecretAccessKey"
        case sessionToken = "SessionToken"
        case token = "Token"
        case expiration = "Expiration"
        case code = "Code"
    }

    /// Decodes `bytes`; `nil` when they are not a JSON object of this shape (the caller words
    /// the error, without echoing the bytes, which may hold a secret).
    static func decode(_ bytes: [UInt8]) -> CredentialsDocument? {
        guard let document = try? JSONValue.parseWireDocument(bytes) else { return nil }
        return try? WireDecoder().decode(CredentialsDocument.self, from: document)
    }

    /// The credentials, or the name of the first missing or invalid field.
    func credentials() -> Result<AWSCredentials, FieldProblem> {
        guard let accessKeyId, !accessKeyId.isEmpty else { return .failure(.missing("AccessKeyId")) }
        guard let secretAccessKey, !secretAccessKey.isEmpty else {
            return .failure(.missing("SecretAccessKey"))
        }
        var expirationDate: Date?
        if let expiration {
            guard let parsed = Self.parseTimestamp(expiration) else {
                return .failure(.invalid("Expiration", expiration))
            }
            expirationDate = parsed
        }
        return .success(
            AWSCredentials(
                accessKeyId: accessKeyId, secretAccessKey: secretAccessKey,
                sessionToken: sessionToken ?? token,
                expiration: expirationDate))
    }

    enum FieldProblem: Error {
        case missing(String)
        case invalid(String, String)

        var message: String {
            switch self {
            case .missing(let field): return "is missing the \(field) field"
            case .invalid(let field, let value):
                return "has an invalid \(field) '\(value)' (expected ISO 8601)"
            }
        }
    }

    /// ISO 8601 / RFC 3339 timestamps, with or without fractional seconds.
    static func parseTimestamp(_ text: String) -> Date? {
        let plain = ISO8601DateFormatter()
        plain.formatOptions = [.withInternetDateTime]
        if let date = plain.date(from: text) { return date }
        let fractional = ISO8601DateFormatter()
        fractional.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return fractional.date(from: text)
    }
}
