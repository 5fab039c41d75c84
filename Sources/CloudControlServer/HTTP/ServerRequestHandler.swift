import CloudControl

/// Turns requests into replies. The server calls it on a thread of its `NIOThreadPool`, never on
/// an event loop, so it may block (the emulator's engine is synchronous and touches SQLite).
/// Conformers must be safe to call from several threads at once.
public protocol ServerRequestHandler: Sendable {
    /// Answers one complete request.
    func handle(_ request: ServerRequest) -> ServerReply

    /// The response to a request the server refused before it was complete: a body over the
    /// limit, headers over the limit, or bytes that are not HTTP/1.1. Called on the event loop;
    /// must not block.
    func response(to failure: HTTPProtocolFailure) -> HTTPResponse
}
