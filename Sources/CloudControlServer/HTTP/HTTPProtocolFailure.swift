/// Why the HTTP layer refused a request before handing it to the handler.
public enum HTTPProtocolFailure: Sendable, Equatable {
    /// The body (declared by Content-Length or received so far) exceeds the limit.
    case bodyTooLarge(limit: Int)
    /// A header field, or all header fields together, exceed the limits.
    case headersTooLarge
    /// The bytes are not a well-formed HTTP/1.1 request; the text says what the parser saw.
    case malformed(String)
}
