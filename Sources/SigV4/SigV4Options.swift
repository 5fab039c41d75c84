/// How a service wants its requests canonicalized. The defaults are right for every AWS
/// service except S3 (which wants `uriEscapePath` and `normalizePath` off).
public struct SigV4Options: Sendable, Equatable {
    /// URI-encode the path as sent once more (so `%20` becomes `%2520`), as every service but
    /// S3 expects ("Task 1: Create a canonical request", CanonicalURI).
    public var uriEscapePath: Bool
    /// Remove `.`/`..` segments and collapse repeated slashes before encoding (RFC 3986 §5.2.4).
    public var normalizePath: Bool
    /// Add `X-Amz-Security-Token` after signing instead of signing it, for the few services
    /// that want it outside the signature (the suites' post-sts-header-after case).
    public var omitSessionToken: Bool
    /// Add a signed `X-Amz-Content-SHA256` header holding the payload hash (S3 style).
    public var addContentSHA256Header: Bool
    /// Lowercase names of headers never signed because proxies and transports rewrite them.
    public var unsignedHeaders: Set<String>

    public init(
        uriEscapePath: Bool = true, normalizePath: Bool = true, omitSessionToken: Bool = false,
        addContentSHA256Header: Bool = false,
        unsignedHeaders: Set<String> = ["authorization", "user-agent", "x-amzn-trace-id", "expect"]
    ) {
        self.uriEscapePath = uriEscapePath
        self.normalizePath = normalizePath
        self.omitSessionToken = omitSessionToken
        self.addContentSHA256Header = addContentSHA256Header
        self.unsignedHeaders = unsignedHeaders
    }
}
