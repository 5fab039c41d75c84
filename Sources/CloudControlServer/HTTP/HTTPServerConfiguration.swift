import NIOCore

/// Where the server listens and the limits it enforces.
public struct HTTPServerConfiguration: Sendable {
    /// The address to bind, e.g. `127.0.0.1` or `::1`.
    public var host: String
    /// The port to bind; 0 lets the system pick a free one (read it back from
    /// `HTTPServer.port`).
    public var port: Int
    public var limits: HTTPServerLimits
    /// Event-loop threads accepting and parsing connections.
    public var eventLoopThreads: Int
    /// Threads running the (blocking) request handler.
    public var handlerThreads: Int
    /// Added before every response is written (`ccs serve --response-delay`), to model the
    /// real service's latency. Waited on the event loop, not on a handler thread, so requests
    /// in flight overlap their delays as they do against AWS.
    public var responseDelay: TimeAmount

    public init(
        host: String = "127.0.0.1",
        port: Int = 0,
        limits: HTTPServerLimits = HTTPServerLimits(),
        eventLoopThreads: Int = 1,
        handlerThreads: Int = 4,
        responseDelay: TimeAmount = .zero
    ) {
        self.host = host
        self.port = port
        self.limits = limits
        self.eventLoopThreads = max(1, eventLoopThreads)
        self.handlerThreads = max(1, handlerThreads)
        self.responseDelay = max(.zero, responseDelay)
    }
}

/// Size and time limits that keep one client from exhausting the server.
public struct HTTPServerLimits: Sendable {
    /// The largest request body accepted. Cloud Control's largest input field, an RFC 6902
    /// PatchDocument, is at most 65,536 characters (service model, shape PatchDocument), so
    /// 1 MiB leaves ample room for JSON escaping while refusing runaway uploads.
    public var maxBodyBytes: Int
    /// The largest single header field (name and value).
    public var maxHeaderFieldBytes: Int
    /// The largest total of all header fields of one request.
    public var maxHeaderListBytes: Int
    /// The most header fields one request may carry.
    public var maxHeaderFieldCount: Int
    /// A connection that sends nothing for this long while idle (between requests) or while
    /// sending a request is closed.
    public var idleTimeout: TimeAmount
    /// How long `HTTPServer.shutdown()` waits for in-flight requests before closing connections.
    public var shutdownGracePeriod: TimeAmount
    /// The most connections open at once; at the cap a new one replaces the connection idle
    /// the longest (`ConnectionRegistry`). Each costs a descriptor, so the default stays under
    /// a common `ulimit -n` of 1,024 with room for the database and the event loop.
    public var maxConnections: Int
    public static let defaultMaxConnections = 900

    public init(
        maxBodyBytes: Int = 1 << 20,
        maxHeaderFieldBytes: Int = 16 * 1024,
        maxHeaderListBytes: Int = 64 * 1024,
        maxHeaderFieldCount: Int = 100,
        idleTimeout: TimeAmount = .seconds(60),
        shutdownGracePeriod: TimeAmount = .seconds(10),
        maxConnections: Int = HTTPServerLimits.defaultMaxConnections
    ) {
        self.maxBodyBytes = maxBodyBytes
        self.maxHeaderFieldBytes = maxHeaderFieldBytes
        self.maxHeaderListBytes = maxHeaderListBytes
        self.maxHeaderFieldCount = maxHeaderFieldCount
        self.idleTimeout = idleTimeout
        self.shutdownGracePeriod = shutdownGracePeriod
        self.maxConnections = maxConnections
    }
}
