import Foundation
import NIOCore
import NIOHTTP1

/// Reads decoded requests on one connection and writes the scripted replies as raw bytes, so a
/// reply can be anything from a valid response to garbage.
final class LoopbackConnectionHandler: ChannelInboundHandler, @unchecked Sendable {
    typealias InboundIn = HTTPServerRequestPart
    typealias OutboundOut = ByteBuffer

    private let server: ServerBootstrapHolder
    private var head: HTTPRequestHead?
    private var body: [UInt8] = []

    init(server: ServerBootstrapHolder) {
        self.server = server
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head(let head):
            self.head = head
            body = []
        case .body(var buffer):
            body += buffer.readBytes(length: buffer.readableBytes) ?? []
        case .end:
            guard let head, let owner = server.owner else { return }
            let request = LoopbackHTTPServer.Request(
                method: head.method.rawValue, target: head.uri,
                headers: head.headers.map { (name: $0.name, value: $0.value) }, body: body)
            self.head = nil
            write(owner.reply(to: request), keepAlive: head.isKeepAlive, context: context)
        }
    }

    func errorCaught(context: ChannelHandlerContext, error: Error) {
        context.close(promise: nil)
    }

    private func write(_ reply: LoopbackReply, keepAlive: Bool, context: ChannelHandlerContext) {
        switch reply {
        case .respond(let status, let headers, let body):
            var text = "HTTP/1.1 \(status) \(HTTPResponseStatus(statusCode: status).reasonPhrase)\r\n"
            for field in headers { text += "\(field.name): \(field.value)\r\n" }
            text += "Content-Length: \(body.count)\r\n"
            if !keepAlive { text += "Connection: close\r\n" }
            text += "\r\n"
            send(Array(text.utf8) + body, thenClose: !keepAlive, context: context)
        case .dropConnection:
            context.close(promise: nil)
        case .raw(let bytes):
            send(bytes, thenClose: true, context: context)
        case .truncated(let status, let declaredLength, let body):
            let text =
                "HTTP/1.1 \(status) \(HTTPResponseStatus(statusCode: status).reasonPhrase)\r\nContent-Length: \(declaredLength)\r\n\r\n"
            send(Array(text.utf8) + body, thenClose: true, context: context)
        case .hang:
            break
        case .delayed(let seconds, let reply):
            let loopBound = NIOLoopBound(context, eventLoop: context.eventLoop)
            context.eventLoop.scheduleTask(in: .nanoseconds(Int64(seconds * 1_000_000_000))) {
                self.write(reply, keepAlive: keepAlive, context: loopBound.value)
            }
        }
    }

    private func send(_ bytes: [UInt8], thenClose: Bool, context: ChannelHandlerContext) {
        let buffer = context.channel.allocator.buffer(bytes: bytes)
        let written = context.writeAndFlush(wrapOutboundOut(buffer))
        if thenClose {
            written.whenComplete { _ in context.close(promise: nil) }
        }
    }
}
