/// The response a `ServerRequestHandler` gives. The server adds `Content-Length` and, when the
/// connection is not kept alive, `Connection: close`.
public struct ServerResponse: Sendable {
    public var status: Int
    public var headers: [(name: String, value: String)]
    public var body: [UInt8]

    public init(status: Int, headers: [(name: String, value: String)] = [], body: [UInt8] = []) {
        self.status = status
        self.headers = headers
        self.body = body
    }
}
