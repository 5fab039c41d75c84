/// Why a request's signature was rejected, with the AWS error code and message to return.
public struct SigV4VerificationError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Kind: String, Sendable, Equatable, CaseIterable {
        /// No `Authorization` header at all.
        case missingAuthenticationToken
        /// The `Authorization` header or `X-Amz-Date` is missing a part or malformed.
        case incompleteSignature
        /// The access key is not known.
        case unrecognizedClient
        /// The signature differs from the one computed (or `X-Amz-Content-SHA256` lies).
        case invalidSignature
        /// `X-Amz-Date` is further from the server's clock than the allowed skew.
        case signatureExpired
        /// The credential scope's date, region, service or terminator is wrong.
        case credentialScopeMismatch
    }

    public let kind: Kind
    /// The message AWS would send, e.g. "The request signature we calculated does not match…".
    public let message: String
    /// For `.invalidSignature`: the canonical request and string to sign the server computed,
    /// which the message also quotes (as AWS does) so a client can find its mistake.
    public let canonicalRequest: String?
    public let stringToSign: String?

    init(_ kind: Kind, _ message: String, canonicalRequest: String? = nil, stringToSign: String? = nil) {
        self.kind = kind
        self.message = message
        self.canonicalRequest = canonicalRequest
        self.stringToSign = stringToSign
    }

    /// The awsJson `__type` AWS uses for this failure.
    public var code: String {
        switch kind {
        case .missingAuthenticationToken: return "MissingAuthenticationTokenException"
        case .incompleteSignature: return "IncompleteSignatureException"
        case .unrecognizedClient: return "UnrecognizedClientException"
        case .invalidSignature, .signatureExpired, .credentialScopeMismatch:
            return "InvalidSignatureException"
        }
    }

    /// The HTTP status AWS uses: 400 for malformed requests, 403 for refused ones.
    public var httpStatus: Int {
        switch kind {
        case .incompleteSignature: return 400
        default: return 403
        }
    }

    public var description: String { "\(code): \(message)" }
}
