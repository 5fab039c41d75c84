import Foundation

/// What `LoopbackHTTPServer` does with one request.
public enum LoopbackReply: Sendable {
    /// A complete response with a correct Content-Length.
    case respond(status: Int, headers: [(name: String, value: String)], body: [UInt8])
    /// Close the connection without answering.
    case dropConnection
    /// Write these bytes verbatim as the whole reply, then close (for malformed HTTP).
    case raw([UInt8])
    /// Send the status line and headers announcing `declaredLength` body bytes, send `body`
    /// (fewer bytes), then close: a response cut off mid-body.
    case truncated(status: Int, declaredLength: Int, body: [UInt8])
    /// Never answer; the connection stays open until the client gives up or the server stops.
    case hang
    /// Give `reply` after `seconds` (to keep several requests in flight at once).
    indirect case delayed(seconds: Double, reply: LoopbackReply)

    /// A 200..599 response with an awsJson1_0 body.
    public static func json(status: Int = 200, _ body: String, headers: [(name: String, value: String)] = [])
        -> LoopbackReply
    {
        .respond(
            status: status,
            headers: [
                (name: "Content-Type", value: "application/x-amz-json-1.0"),
                (name: "x-amzn-RequestId", value: UUID().uuidString),
            ] + headers,
            body: Array(body.utf8))
    }

    /// An awsJson1_0 error response: `{"__type": type, "Message": message}`.
    public static func awsError(status: Int, type: String, message: String) -> LoopbackReply {
        let body = #"{"__type":"\#(type)","Message":"\#(message)"}"#
        return .json(status: status, body, headers: [(name: "x-amzn-ErrorType", value: type)])
    }

    /// A well-framed response whose body is not JSON: the HTTP layer succeeds and decoding fails.
    public static func garbageBody(status: Int = 200) -> LoopbackReply {
        .respond(
            status: status, headers: [(name: "Content-Type", value: "application/x-amz-json-1.0")],
            body: Array("\u{1}<<not json>>{".utf8))
    }
}
