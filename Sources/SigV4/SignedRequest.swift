/// The result of signing: every intermediate of the algorithm, for `--debug` and tests, and
/// the headers to send.
public struct SignedRequest: Sendable {
    /// "Create a canonical request".
    public let canonicalRequest: String
    /// "Create a string to sign".
    public let stringToSign: String
    /// Lowercase hex HMAC-SHA256 of the string to sign.
    public let signature: String
    /// The SignedHeaders list, e.g. `host;x-amz-date`.
    public let signedHeaders: String
    /// The value of the `Authorization` header.
    public let authorization: String
    /// The headers the signer added, in this order: `X-Amz-Date`, `X-Amz-Security-Token`
    /// (if any), `X-Amz-Content-SHA256` (if asked for), `Authorization`.
    public let addedHeaders: [(name: String, value: String)]
    /// The request's headers as they must be sent: the originals (without any earlier
    /// `Authorization`, `X-Amz-Date` or replaced token/content-hash headers), then `addedHeaders`.
    public let headers: [(name: String, value: String)]
}
