import Foundation
import NIOConcurrencyHelpers
import NIOCore
import NIOPosix

/// A response as a test client saw it.
struct RawHTTPResponse: Sendable {
    var status: Int
    var headers: [(name: String, value: String)]
    var body: [UInt8]

    func header(_ name: String) -> String? {
        headers.first { $0.name.lowercased() == name.lowercased() }?.value
    }

    var bodyText: String { String(decoding: body, as: UTF8.self) }
}

enum RawHTTPError: Error, Equatable {
    /// The server closed the connection before a (complete) response.
    case closedWithoutResponse
    case timedOut
}

/// A loopback TCP connection that writes bytes exactly as given — so tests can send malformed,
/// oversized or pipelined requests — and parses the responses itself (status line, headers,
/// Content-Length body: the framing the server under test always uses).
final class RawHTTPConnection: Sendable {
    private let group: MultiThreadedEventLoopGroup
    private let channel: any Channel
    private let collector: ResponseCollector

    init(host: String = "127.0.0.1", port: Int) throws {
        group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
        let collector = ResponseCollector()
        self.collector = collector
        do {
            channel = try ClientBootstrap(group: group)
                .channelInitializer { channel in
                    channel.eventLoop.makeCompletedFuture {
                        try channel.pipeline.syncOperations.addHandler(collector)
                    }
                }
                .connect(host: host, port: port).wait()
        } catch {
            try? group.syncShutdownGracefully()
            throw error
        }
    }

    func send(_ text: String) throws {
        try send(Array(text.utf8))
    }

    func send(_ bytes: [UInt8]) throws {
        var buffer = channel.allocator.buffer(capacity: bytes.count)
        buffer.writeBytes(bytes)
        try channel.writeAndFlush(buffer).wait()
    }

    /// The next complete final (non-1xx) response.
    func readResponse(timeout: TimeAmount = .seconds(20)) throws -> RawHTTPResponse {
        let collector = self.collector
        let eventLoop = channel.eventLoop
        let future = eventLoop.flatSubmit { collector.next(on: eventLoop) }
        let timer = eventLoop.scheduleTask(in: timeout) { collector.failWaiters(.timedOut) }
        defer { timer.cancel() }
        return try future.wait()
    }

    /// Informational (1xx) status codes received so far.
    func informationalStatuses() throws -> [Int] {
        let collector = self.collector
        return try channel.eventLoop.submit { collector.informational }.wait()
    }

    /// Waits until the server closes the connection; false on timeout.
    func waitForClose(timeout: TimeAmount = .seconds(20)) -> Bool {
        let promise = channel.eventLoop.makePromise(of: Bool.self)
        channel.closeFuture.whenComplete { _ in promise.succeed(true) }
        let timer = channel.eventLoop.scheduleTask(in: timeout) { promise.succeed(false) }
        defer { timer.cancel() }
        return (try? promise.futureResult.wait()) ?? false
    }

    func close() {
        try? channel.close().wait()
        try? group.syncShutdownGracefully()
    }
}

/// Collects bytes on the event loop, cuts them into responses and hands those to waiters in
/// order.
private final class ResponseCollector: ChannelInboundHandler, Sendable {
    typealias InboundIn = ByteBuffer

    private struct State {
        var pending: [UInt8] = []
        var completed: [RawHTTPResponse] = []
        var waiters: [EventLoopPromise<RawHTTPResponse>] = []
        var informational: [Int] = []
        var closed = false
    }

    private let state = NIOLockedValueBox(State())

    var informational: [Int] { state.withLockedValue { $0.informational } }

    func next(on eventLoop: any EventLoop) -> EventLoopFuture<RawHTTPResponse> {
        state.withLockedValue { state in
            if !state.completed.isEmpty {
                return eventLoop.makeSucceededFuture(state.completed.removeFirst())
            }
            if state.closed {
                return eventLoop.makeFailedFuture(RawHTTPError.closedWithoutResponse)
            }
            let promise = eventLoop.makePromise(of: RawHTTPResponse.self)
            state.waiters.append(promise)
            return promise.futureResult
        }
    }

    func failWaiters(_ error: RawHTTPError) {
        let waiters = state.withLockedValue { state in
            defer { state.waiters = [] }
            return state.waiters
        }
        for waiter in waiters { waiter.fail(error) }
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        let bytes = unwrapInboundIn(data).readableBytesView
        // Promises complete outside the lock: their callbacks may call next() again.
        let deliveries: [(EventLoopPromise<RawHTTPResponse>, RawHTTPResponse)] = state.withLockedValue { state in
            state.pending.append(contentsOf: bytes)
            var deliveries: [(EventLoopPromise<RawHTTPResponse>, RawHTTPResponse)] = []
            while let (response, consumed) = Self.parse(state.pending) {
                state.pending.removeFirst(consumed)
                if response.status < 200 {
                    state.informational.append(response.status)
                } else if state.waiters.isEmpty {
                    state.completed.append(response)
                } else {
                    deliveries.append((state.waiters.removeFirst(), response))
                }
            }
            return deliveries
        }
        for (waiter, response) in deliveries { waiter.succeed(response) }
    }

    /// One response from the front of `bytes` and how many bytes it took, or nil if incomplete.
    private static func parse(_ bytes: [UInt8]) -> (RawHTTPResponse, Int)? {
        let separator: [UInt8] = [13, 10, 13, 10]
        guard bytes.count >= 4,
              let headEnd = (0...(bytes.count - 4)).first(where: { Array(bytes[$0..<($0 + 4)]) == separator })
        else { return nil }
        let lines = String(decoding: bytes[..<headEnd], as: UTF8.self).components(separatedBy: "\r\n")
        let statusParts = lines[0].split(separator: " ")
        guard statusParts.count >= 2, let status = Int(statusParts[1]) else { return nil }
        var headers: [(name: String, value: String)] = []
        for line in lines.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers.append((String(line[..<colon]), line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)))
        }
        let length = headers.first { $0.name.lowercased() == "content-length" }.flatMap { Int($0.value) } ?? 0
        let bodyStart = headEnd + 4
        guard bytes.count >= bodyStart + length else { return nil }
        let response = RawHTTPResponse(status: status, headers: headers, body: Array(bytes[bodyStart..<(bodyStart + length)]))
        return (response, bodyStart + length)
    }

    func channelInactive(context: ChannelHandlerContext) {
        state.withLockedValue { $0.closed = true }
        failWaiters(.closedWithoutResponse)
        context.fireChannelInactive()
    }

    func errorCaught(context: ChannelHandlerContext, error: Error) {
        context.close(promise: nil)
    }
}
