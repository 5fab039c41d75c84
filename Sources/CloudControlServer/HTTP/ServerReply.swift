import CloudControl

/// What the server does with a request: answer it, or close the connection without a
/// response (fault injection of dropped connections).
public enum ServerReply: Sendable {
    /// Write this response (CloudControl's `HTTPResponse`, the type the client receives). The
    /// server adds `Content-Length` and, when the connection is not kept alive,
    /// `Connection: close`.
    case respond(HTTPResponse)
    /// Close the connection without writing anything.
    case dropConnection
}
