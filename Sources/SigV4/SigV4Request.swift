/// The parts of an HTTP request that Signature Version 4 covers.
public struct SigV4Request: Sendable {
    /// The HTTP method, e.g. `POST`.
    public var method: String
    /// The path as sent on the request line, percent-encoded, without the query, e.g. `/`.
    public var path: String
    /// The raw query string, without the leading `?`; empty when there is none.
    public var query: String
    /// Header fields in the order they are sent. `Host` must be among them.
    public var headers: [(name: String, value: String)]
    /// The body, or its precomputed hash.
    public var payload: SigV4Payload

    public init(
        method: String, path: String, query: String = "", headers: [(name: String, value: String)],
        payload: SigV4Payload
    ) {
        self.method = method
        self.path = path
        self.query = query
        self.headers = headers
        self.payload = payload
    }

    public init(
        method: String, path: String, query: String = "", headers: [(name: String, value: String)],
        body: [UInt8] = []
    ) {
        self.init(method: method, path: path, query: query, headers: headers, payload: .bytes(body))
    }

    /// The values of every header with this name, compared case-insensitively, in order.
    public func headerValues(_ name: String) -> [String] {
        let wanted = name.lowercased()
        return headers.filter { $0.name.lowercased() == wanted }.map(\.value)
    }
}

/// What the canonical request's last line, the hashed payload, is computed from.
public enum SigV4Payload: Sendable, Equatable {
    /// The body itself: its SHA-256 is computed.
    case bytes([UInt8])
    /// A hash computed elsewhere (lowercase hex SHA-256), e.g. for a streamed body.
    case precomputedHash(String)
    /// The literal `UNSIGNED-PAYLOAD`, for services (S3) that accept it.
    case unsigned
}
