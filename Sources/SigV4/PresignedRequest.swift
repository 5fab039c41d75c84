/// The result of presigning: the signature travels in the query string instead of the
/// `Authorization` header ("Authenticating requests: using query parameters").
public struct PresignedRequest: Sendable {
    public let canonicalRequest: String
    public let stringToSign: String
    public let signature: String
    /// The complete query to send: the request's own parameters, the `X-Amz-*` parameters
    /// and `X-Amz-Signature` last.
    public let query: String
    /// The request's headers to send, unchanged (no `X-Amz-Date` or `Authorization` is added).
    public let headers: [(name: String, value: String)]
}
