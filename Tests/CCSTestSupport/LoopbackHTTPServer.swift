import Foundation
import NIOCore
import NIOHTTP1
import NIOPosix

/// A scripted HTTP/1.1 server on 127.0.0.1 for client tests (STYLE §11: the client is tested
/// against a real server on loopback, not a mocked transport).
///
/// ```swift
/// let server = try LoopbackHTTPServer(replies: [
///     .json(status: 400, #"{"__type":"ThrottlingException","Message":"slow down"}"#),
///     .json(status: 200, #"{"ProgressEvent":{}}"#),
/// ])
/// defer { server.shutdown() }
/// // ... send requests to server.baseURL ...
/// #expect(server.requests.count == 2)
/// ```
///
/// Replies are served in order, one per request, across connections (keep-alive is honoured).
/// When the script runs out, `responder` answers if set, else a 500 whose body says so. Every
/// request is recorded, also those answered by dropping the connection or hanging.
public final class LoopbackHTTPServer: @unchecked Sendable {
    /// One recorded request.
    public struct Request: Sendable {
        public var method: String
        /// The request target as sent (origin form `/path?query`, or absolute form via a proxy).
        public var target: String
        public var headers: [(name: String, value: String)]
        public var body: [UInt8]

        /// The first header with this name, compared case-insensitively.
        public func header(_ name: String) -> String? {
            headers.first { $0.name.caseInsensitiveCompare(name) == .orderedSame }?.value
        }

        /// The path of the target, without query, also for absolute-form targets (via a proxy).
        public var path: String {
            let withoutQuery =
                target.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false).first.map(
                    String.init) ?? target
            guard withoutQuery.hasPrefix("http://") || withoutQuery.hasPrefix("https://"),
                let components = URLComponents(string: withoutQuery)
            else { return withoutQuery }
            return components.percentEncodedPath.isEmpty ? "/" : components.percentEncodedPath
        }

        /// The body as UTF-8 text.
        public var bodyText: String { String(decoding: body, as: UTF8.self) }
    }

    private let group: MultiThreadedEventLoopGroup
    private var channel: Channel?
    private let lock = NSLock()
    private var script: [LoopbackReply]
    private var recorded: [Request] = []
    private var connections = 0
    private var dynamicResponder: (@Sendable (Request) -> LoopbackReply)?

    /// The bound port.
    public let port: Int

    /// `http://127.0.0.1:PORT`.
    public var baseURL: String { "http://127.0.0.1:\(port)" }

    /// Starts listening on 127.0.0.1 with a port chosen by the system.
    public init(replies: [LoopbackReply] = [], responder: (@Sendable (Request) -> LoopbackReply)? = nil)
        throws
    {
        self.script = replies
        self.dynamicResponder = responder
        self.group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
        let server = ServerBootstrapHolder()
        let bootstrap = ServerBootstrap(group: group)
            .serverChannelOption(ChannelOptions.socketOption(.so_reuseaddr), value: 1)
            .childChannelInitializer { channel in
                server.owner?.connectionOpened()
                return channel.eventLoop.makeCompletedFuture {
                    let decoder = ByteToMessageHandler(HTTPRequestDecoder(leftOverBytesStrategy: .dropBytes))
                    try channel.pipeline.syncOperations.addHandler(decoder)
                    try channel.pipeline.syncOperations.addHandler(LoopbackConnectionHandler(server: server))
                }
            }
        do {
            let channel = try bootstrap.bind(host: "127.0.0.1", port: 0).wait()
            self.channel = channel
            self.port = channel.localAddress?.port ?? 0
        } catch {
            try? group.syncShutdownGracefully()
            throw error
        }
        server.owner = self
    }

    deinit {
        shutdown()
    }

    /// Adds replies to the end of the script.
    public func enqueue(_ replies: LoopbackReply...) {
        lock.lock()
        script.append(contentsOf: replies)
        lock.unlock()
    }

    /// Sets the closure that answers once the script is exhausted.
    public func setResponder(_ responder: (@Sendable (Request) -> LoopbackReply)?) {
        lock.lock()
        dynamicResponder = responder
        lock.unlock()
    }

    /// Every request received so far, in arrival order.
    public var requests: [Request] {
        lock.lock()
        defer { lock.unlock() }
        return recorded
    }

    /// How many TCP connections clients have opened so far (1 for a kept-alive client).
    public var connectionCount: Int {
        lock.lock()
        defer { lock.unlock() }
        return connections
    }

    func connectionOpened() {
        lock.lock()
        connections += 1
        lock.unlock()
    }

    /// Stops listening and closes every connection (hanging ones included). Idempotent.
    public func shutdown() {
        lock.lock()
        let channel = self.channel
        self.channel = nil
        lock.unlock()
        guard let channel else { return }
        try? channel.close().wait()
        try? group.syncShutdownGracefully()
    }

    /// Records the request and picks its reply.
    func reply(to request: Request) -> LoopbackReply {
        lock.lock()
        defer { lock.unlock() }
        recorded.append(request)
        if !script.isEmpty { return script.removeFirst() }
        if let dynamicResponder { return dynamicResponder(request) }
        return .json(
            status: 500,
            #"{"__type":"LoopbackScriptExhausted","Message":"no scripted reply left for request \#(recorded.count)"}"#
        )
    }
}

/// A weak link from connection handlers to the server, set once the server is initialised.
final class ServerBootstrapHolder: @unchecked Sendable {
    weak var owner: LoopbackHTTPServer?
}
