/// One complete HTTP request as the server received it: head and whole body.
///
/// The server reads the body fully (up to `HTTPServerLimits.maxBodyBytes`) before handing the
/// request to a `ServerRequestHandler`, because awsJson1_0 bodies are small JSON documents and
/// SigV4 verification needs the hash of the whole payload anyway.
public struct ServerRequest: Sendable {
    /// The method as sent, e.g. `POST`.
    public var method: String
    /// The request target as sent, e.g. `/` or `/?x=1`.
    public var uri: String
    /// Header fields in the order received. Names keep the client's spelling.
    public var headers: [(name: String, value: String)]
    public var body: [UInt8]

    public init(method: String, uri: String, headers: [(name: String, value: String)], body: [UInt8]) {
        self.method = method
        self.uri = uri
        self.headers = headers
        self.body = body
    }

    /// The first header with this name, compared case-insensitively (RFC 9110 §5.1).
    public func header(_ name: String) -> String? {
        let wanted = name.lowercased()
        return headers.first { $0.name.lowercased() == wanted }?.value
    }

    /// The path of `uri`, without its query.
    public var path: String {
        if let question = uri.firstIndex(of: "?") { return String(uri[..<question]) }
        return uri
    }

    /// The query of `uri` after `?`, or the empty string.
    public var query: String {
        if let question = uri.firstIndex(of: "?") { return String(uri[uri.index(after: question)...]) }
        return ""
    }
}
