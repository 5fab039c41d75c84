/// What the server does with a request: answer it, or close the connection without a
/// response (fault injection of dropped connections).
public enum ServerReply: Sendable {
    /// Write this response.
    case respond(ServerResponse)
    /// Close the connection without writing anything.
    case dropConnection
}
