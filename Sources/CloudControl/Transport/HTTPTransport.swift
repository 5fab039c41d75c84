import Foundation

/// One HTTP request as the client builds and signs it.
public struct HTTPRequest: Sendable {
    public var method: String
    /// The absolute URL, e.g. `https://cloudcontrolapi.eu-west-3.amazonaws.com/`.
    public var url: String
    /// Header fields in the order they are sent. Names are compared case-insensitively.
    public var headers: [(name: String, value: String)]
    public var body: [UInt8]

    public init(
        method: String, url: String, headers: [(name: String, value: String)] = [], body: [UInt8] = []
    ) {
        self.method = method
        self.url = url
        self.headers = headers
        self.body = body
    }
}

/// One HTTP response as received.
public struct HTTPResponse: Sendable {
    public var status: Int
    public var headers: [(name: String, value: String)]
    public var body: [UInt8]

    public init(status: Int, headers: [(name: String, value: String)] = [], body: [UInt8] = []) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    /// The first header with this name, compared case-insensitively.
    public func header(_ name: String) -> String? {
        headers.first { $0.name.caseInsensitiveCompare(name) == .orderedSame }?.value
    }
}

/// Sends HTTP requests. The libcurl transport is the production conformer; tests use it too,
/// against servers on loopback. Conformers are safe to use from several threads.
public protocol HTTPTransport: AnyObject {
    /// Sends the request and returns the whole response, or throws `TransportError`.
    func send(_ request: HTTPRequest, timeout: TimeInterval?) throws -> HTTPResponse
    /// Releases pooled connections.
    func close()
}
