import CloudControl
import NIOCore
import NIOHTTP1
import NIOPosix

/// Reads one request at a time from a connection (HTTPServerPipelineHandler, ahead of it in the
/// pipeline, holds back pipelined requests until the previous response ends), collects the body
/// under the size limit, runs the request handler on the thread pool and writes its reply.
final class HTTPConnectionHandler: ChannelInboundHandler {
    typealias InboundIn = HTTPServerRequestPart
    typealias OutboundOut = HTTPServerResponsePart

    private enum State {
        /// Between requests.
        case idle
        /// Head received, body arriving.
        case receiving(HTTPRequestHead, ByteBuffer)
        /// Refused early (body too large); the response is written. The rest of the request is
        /// read and discarded so that the client sees the response rather than a reset, then
        /// the connection closes.
        case discarding(remaining: Int)
        /// The handler runs on the thread pool; the response follows.
        case processing
        /// Closing; nothing more is read or written.
        case closing
    }

    /// How many bytes of an over-limit body are read and discarded before giving up on a clean
    /// close and dropping the connection.
    private static let discardAllowance = 4 << 20

    private var state = State.idle
    private let handler: any ServerRequestHandler
    private let threadPool: NIOThreadPool
    private let limits: HTTPServerLimits
    /// Told when a request starts and ends, so that the cap on connections closes only idle ones.
    private let connections: ConnectionRegistry
    private let responseDelay: TimeAmount

    init(
        handler: any ServerRequestHandler, threadPool: NIOThreadPool, limits: HTTPServerLimits,
        connections: ConnectionRegistry, responseDelay: TimeAmount = .zero
    ) {
        self.responseDelay = responseDelay
        self.handler = handler
        self.threadPool = threadPool
        self.limits = limits
        self.connections = connections
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head(let head):
            receiveHead(head, context: context)
        case .body(var chunk):
            switch state {
            case .receiving(let head, var buffer):
                if buffer.readableBytes + chunk.readableBytes > limits.maxBodyBytes {
                    refuse(.bodyTooLarge(limit: limits.maxBodyBytes), version: head.version, context: context)
                    return
                }
                state = .idle  // drop the reference so the append below does not copy
                buffer.writeBuffer(&chunk)
                state = .receiving(head, buffer)
            case .discarding(let remaining):
                let left = remaining - chunk.readableBytes
                if left < 0 {
                    state = .closing
                    context.close(promise: nil)
                } else {
                    state = .discarding(remaining: left)
                }
            case .idle, .processing, .closing:
                break
            }
        case .end:
            switch state {
            case .receiving(let head, let buffer):
                state = .processing
                dispatch(head: head, body: buffer, context: context)
            case .discarding:
                state = .closing
                context.close(promise: nil)
            case .idle, .processing, .closing:
                break
            }
        }
    }

    private func receiveHead(_ head: HTTPRequestHead, context: ChannelHandlerContext) {
        guard case .idle = state else { return }
        connections.markBusy(context.channel)
        var capacity = 0
        if let declared = head.headers.first(name: "content-length") {
            guard let length = Int(declared), length >= 0 else {
                refuse(.malformed("invalid Content-Length '\(declared)'"), version: head.version, context: context)
                return
            }
            if length > limits.maxBodyBytes {
                refuse(.bodyTooLarge(limit: limits.maxBodyBytes), version: head.version, context: context)
                return
            }
            capacity = length
        }
        // RFC 9110 §10.1.1: a client waiting for 100 (Continue) would otherwise pause before
        // sending the body (libcurl waits one second).
        if head.headers[canonicalForm: "expect"].contains(where: { $0.lowercased() == "100-continue" }) {
            let interim = HTTPResponseHead(version: head.version, status: .continue)
            context.writeAndFlush(wrapOutboundOut(.head(interim)), promise: nil)
        }
        state = .receiving(head, context.channel.allocator.buffer(capacity: capacity))
    }

    private func dispatch(head: HTTPRequestHead, body: ByteBuffer, context: ChannelHandlerContext) {
        let request = ServerRequest(
            method: head.method.rawValue,
            uri: head.uri,
            headers: head.headers.map { ($0.name, $0.value) },
            body: Array(body.readableBytesView)
        )
        let handler = self.handler
        let keepAlive = head.isKeepAlive
        let version = head.version
        let bound = NIOLoopBound((self, context), eventLoop: context.eventLoop)
        let eventLoop = context.eventLoop
        let delay = responseDelay
        threadPool.runIfActive(eventLoop: eventLoop) {
            handler.handle(request)
        }.flatMap { reply in
            // `--response-delay`: a timer on the event loop, so delayed requests overlap.
            delay > .zero ? eventLoop.scheduleTask(in: delay) { reply }.futureResult : eventLoop.makeSucceededFuture(reply)
        }.whenComplete { result in
            let (connection, context) = bound.value
            switch result {
            case .success(.respond(let response)):
                connection.write(response, version: version, keepAlive: keepAlive, context: context)
            case .success(.dropConnection), .failure:
                // A failure means the thread pool is shutting down: nothing can answer.
                connection.state = .closing
                context.close(promise: nil)
            }
        }
    }

    private func refuse(_ failure: HTTPProtocolFailure, version: HTTPVersion, context: ChannelHandlerContext) {
        let response = handler.response(to: failure)
        state = .discarding(remaining: Self.discardAllowance)
        write(response, version: version, keepAlive: false, context: context, closeAfterWrite: false)
        // A client that stops sending once it has the answer would otherwise hold the
        // connection until the idle time-out (issue 16: a 413 left it open): a short grace
        // lets the rest of the body drain, so the client reads the answer rather than a reset.
        let bound = context.loopBound
        context.eventLoop.scheduleTask(in: Self.discardGrace) { bound.value.close(promise: nil) }
    }

    /// How long a refused request's connection stays open for its body to drain.
    private static let discardGrace = TimeAmount.seconds(2)

    private func write(
        _ response: HTTPResponse,
        version: HTTPVersion,
        keepAlive: Bool,
        context: ChannelHandlerContext,
        closeAfterWrite: Bool = true
    ) {
        guard context.channel.isActive else { return }
        var headers = HTTPHeaders(response.headers)
        headers.replaceOrAdd(name: "Content-Length", value: String(response.body.count))
        if !keepAlive {
            headers.replaceOrAdd(name: "Connection", value: "close")
        } else if version == .http1_0 {
            headers.replaceOrAdd(name: "Connection", value: "keep-alive")
        }
        let head = HTTPResponseHead(version: version, status: HTTPResponseStatus(statusCode: response.status), headers: headers)
        context.write(wrapOutboundOut(.head(head)), promise: nil)
        if !response.body.isEmpty {
            var buffer = context.channel.allocator.buffer(capacity: response.body.count)
            buffer.writeBytes(response.body)
            context.write(wrapOutboundOut(.body(.byteBuffer(buffer))), promise: nil)
        }
        // The state changes before `.end` is written: writing it makes HTTPServerPipelineHandler
        // deliver the next pipelined request re-entrantly, which must find this handler idle.
        let closing = !keepAlive && closeAfterWrite
        if closing {
            state = .closing
        } else if case .processing = state {
            state = .idle
            connections.markIdle(context.channel)
        }
        let written = context.writeAndFlush(wrapOutboundOut(.end(nil)))
        if closing {
            let bound = context.loopBound
            written.whenComplete { _ in bound.value.close(promise: nil) }
        }
    }

    func errorCaught(context: ChannelHandlerContext, error: Error) {
        guard let parserError = error as? HTTPParserError else {
            // I/O errors (reset by peer and the like): the connection is gone.
            state = .closing
            context.close(promise: nil)
            return
        }
        switch state {
        case .idle, .receiving:
            let failure: HTTPProtocolFailure =
                parserError == .headerOverflow ? .headersTooLarge : .malformed("\(parserError)")
            let response = handler.response(to: failure)
            state = .closing
            // The parser cannot resume after an error, so the connection closes after the reply.
            write(response, version: .http1_1, keepAlive: false, context: context)
        case .discarding, .processing, .closing:
            state = .closing
            context.close(promise: nil)
        }
    }

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        if let idle = event as? IdleStateHandler.IdleStateEvent, idle == .read {
            switch state {
            case .idle, .receiving, .discarding:
                state = .closing
                context.close(promise: nil)
            case .processing, .closing:
                break
            }
            return
        }
        context.fireUserInboundEventTriggered(event)
    }
}
