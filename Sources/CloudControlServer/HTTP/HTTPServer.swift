import NIOConcurrencyHelpers
import NIOCore
import NIOHTTP1
import NIOPosix

/// An HTTP/1.1 server on SwiftNIO that hands each complete request to a blocking
/// `ServerRequestHandler` on a thread pool. Keep-alive and pipelining follow RFC 9112 §9;
/// `shutdown()` stops accepting, lets in-flight requests finish, then closes every connection.
public final class HTTPServer: Sendable {
    /// The address the server is bound to, as given in the configuration.
    public let host: String
    /// The bound port: the configured one, or the one the system picked for port 0.
    public let port: Int
    /// The most connections held at once: the configured cap, lowered to what the descriptor
    /// limit leaves room for (`DescriptorBudget`).
    public let maxConnections: Int

    private let group: MultiThreadedEventLoopGroup
    private let threadPool: NIOThreadPool
    private let serverChannel: any Channel
    private let connections: ConnectionRegistry
    private let gracePeriod: TimeAmount
    private let stopped = NIOLockedValueBox(false)

    private init(
        host: String, port: Int, maxConnections: Int, group: MultiThreadedEventLoopGroup,
        threadPool: NIOThreadPool, serverChannel: any Channel, connections: ConnectionRegistry,
        gracePeriod: TimeAmount
    ) {
        self.host = host
        self.port = port
        self.maxConnections = maxConnections
        self.group = group
        self.threadPool = threadPool
        self.serverChannel = serverChannel
        self.connections = connections
        self.gracePeriod = gracePeriod
    }

    /// Binds and starts accepting connections. When this returns, connections are accepted.
    /// Throws `HTTPServerError.bindFailed` naming the address when the bind fails.
    public static func start(configuration: HTTPServerConfiguration, handler: any ServerRequestHandler) throws -> HTTPServer {
        let group = MultiThreadedEventLoopGroup(numberOfThreads: configuration.eventLoopThreads)
        let threadPool = NIOThreadPool(numberOfThreads: configuration.handlerThreads)
        threadPool.start()
        let maxConnections = min(
            configuration.limits.maxConnections, DescriptorBudget.connectionsAllowed() ?? .max)
        let connections = ConnectionRegistry(maxConnections: maxConnections)
        let limits = configuration.limits
        var decoderLimits = NIOHTTPDecoderLimitConfiguration()
        decoderLimits.maxHeaderFieldSize = limits.maxHeaderFieldBytes
        decoderLimits.maxHeaderListSize = limits.maxHeaderListBytes
        decoderLimits.maxHeaderFieldCount = limits.maxHeaderFieldCount

        let bootstrap = ServerBootstrap(group: group)
            .serverChannelOption(.backlog, value: 256)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelOption(.socketOption(.tcp_nodelay), value: 1)
            .childChannelOption(.maxMessagesPerRead, value: 16)
            .childChannelInitializer { channel in
                if let victim = connections.admit(channel) {
                    victim.close(promise: nil)
                    if victim === channel { return channel.eventLoop.makeSucceededVoidFuture() }
                }
                return channel.eventLoop.makeCompletedFuture {
                    let sync = channel.pipeline.syncOperations
                    // Protocol errors are answered by HTTPConnectionHandler in the awsJson shape,
                    // so NIO's plain-text error handler stays out.
                    try sync.configureHTTPServerPipeline(
                        withPipeliningAssistance: true,
                        withErrorHandling: false,
                        withEncoderConfiguration: HTTPResponseEncoder.Configuration(),
                        withDecoderLimitConfiguration: decoderLimits
                    )
                    try sync.addHandler(IdleStateHandler(readTimeout: limits.idleTimeout))
                    try sync.addHandler(
                        HTTPConnectionHandler(
                            handler: handler, threadPool: threadPool, limits: limits, connections: connections,
                            responseDelay: configuration.responseDelay))
                }
            }
        let channel: any Channel
        do {
            channel = try bootstrap.bind(host: configuration.host, port: configuration.port).wait()
        } catch {
            try? threadPool.syncShutdownGracefully()
            try? group.syncShutdownGracefully()
            throw HTTPServerError.bindFailed(
                host: configuration.host, port: configuration.port, reason: HTTPServerError.bindFailureReason(error))
        }
        let port = channel.localAddress?.port ?? configuration.port
        return HTTPServer(
            host: configuration.host, port: port, maxConnections: maxConnections, group: group, threadPool: threadPool,
            serverChannel: channel, connections: connections, gracePeriod: limits.shutdownGracePeriod
        )
    }

    /// The base URL clients use, e.g. `http://127.0.0.1:4566`. IPv6 hosts are bracketed
    /// (RFC 3986 §3.2.2).
    public var url: String {
        let shownHost = host.contains(":") ? "[\(host)]" : host
        return "http://\(shownHost):\(port)"
    }

    /// Stops accepting, asks every connection to finish its in-flight request and close
    /// (NIO's ChannelShouldQuiesceEvent), waits up to the grace period, closes what remains,
    /// then stops the threads. Blocks until done; calling it again does nothing.
    public func shutdown() {
        let alreadyStopped = stopped.withLockedValue { value in
            defer { value = true }
            return value
        }
        if alreadyStopped { return }
        try? serverChannel.close().wait()
        let open = connections.all()
        for channel in open {
            channel.pipeline.fireUserInboundEventTriggered(ChannelShouldQuiesceEvent())
        }
        let closed = EventLoopFuture.andAllComplete(open.map(\.closeFuture), on: group.next())
        let deadline = group.next().scheduleTask(in: gracePeriod) {
            for channel in open { channel.close(promise: nil) }
        }
        try? closed.wait()
        deadline.cancel()
        try? threadPool.syncShutdownGracefully()
        try? group.syncShutdownGracefully()
    }
}
