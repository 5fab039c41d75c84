import CloudControlServer
import Foundation
import NIOCore
import Testing

/// The HTTP/1.1 layer alone, with `EchoHandler`: framing, keep-alive, limits, dropped
/// connections, concurrency and graceful shutdown, over real loopback sockets.
@Suite struct HTTPServerTests {
    private static func startServer(limits: HTTPServerLimits = HTTPServerLimits(maxBodyBytes: 1024)) throws -> HTTPServer {
        try HTTPServer.start(configuration: HTTPServerConfiguration(host: "127.0.0.1", port: 0, limits: limits), handler: EchoHandler())
    }

    private static func post(_ path: String, body: String, extraHeaders: String = "") -> String {
        "POST \(path) HTTP/1.1\r\nHost: localhost\r\nContent-Length: \(body.utf8.count)\r\n\(extraHeaders)\r\n\(body)"
    }

    @Test func portZeroPicksAFreePortAndTheURLNamesIt() throws {
        let server = try Self.startServer()
        defer { server.shutdown() }
        #expect(server.port > 0)
        #expect(server.url == "http://127.0.0.1:\(server.port)")
    }

    @Test func answersARequestWithContentLength() throws {
        let server = try Self.startServer()
        defer { server.shutdown() }
        let connection = try RawHTTPConnection(port: server.port)
        defer { connection.close() }
        try connection.send(Self.post("/", body: "{\"a\":1}"))
        let response = try connection.readResponse()
        #expect(response.status == 200)
        #expect(response.bodyText == "POST / {\"a\":1}")
        #expect(response.header("Content-Length") == String(response.body.count))
        #expect(response.header("X-Echo") == "1")
    }

    @Test func keepsTheConnectionAliveBetweenRequests() throws {
        let server = try Self.startServer()
        defer { server.shutdown() }
        let connection = try RawHTTPConnection(port: server.port)
        defer { connection.close() }
        for index in 0..<3 {
            try connection.send(Self.post("/", body: "n\(index)"))
            let response = try connection.readResponse()
            #expect(response.bodyText == "POST / n\(index)")
            #expect(response.header("Connection") != "close")
        }
    }

    @Test func answersPipelinedRequestsInOrder() throws {
        let server = try Self.startServer()
        defer { server.shutdown() }
        let connection = try RawHTTPConnection(port: server.port)
        defer { connection.close() }
        try connection.send(Self.post("/slow?ms=50", body: "first") + Self.post("/", body: "second"))
        #expect(try connection.readResponse().bodyText == "POST /slow?ms=50 first")
        #expect(try connection.readResponse().bodyText == "POST / second")
    }

    @Test func closesAfterConnectionClose() throws {
        let server = try Self.startServer()
        defer { server.shutdown() }
        let connection = try RawHTTPConnection(port: server.port)
        defer { connection.close() }
        try connection.send(Self.post("/", body: "x", extraHeaders: "Connection: close\r\n"))
        let response = try connection.readResponse()
        #expect(response.status == 200)
        #expect(response.header("Connection") == "close")
        #expect(connection.waitForClose())
    }

    @Test func closesAnHTTP10ConnectionWithoutKeepAlive() throws {
        let server = try Self.startServer()
        defer { server.shutdown() }
        let connection = try RawHTTPConnection(port: server.port)
        defer { connection.close() }
        try connection.send("POST / HTTP/1.0\r\nContent-Length: 2\r\n\r\nhi")
        #expect(try connection.readResponse().bodyText == "POST / hi")
        #expect(connection.waitForClose())
    }

    @Test func acceptsAChunkedBody() throws {
        let server = try Self.startServer()
        defer { server.shutdown() }
        let connection = try RawHTTPConnection(port: server.port)
        defer { connection.close() }
        try connection.send("POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n2\r\nde\r\n0\r\n\r\n")
        #expect(try connection.readResponse().bodyText == "POST / abcde")
    }

    @Test func answers100ContinueBeforeTheBody() throws {
        let server = try Self.startServer()
        defer { server.shutdown() }
        let connection = try RawHTTPConnection(port: server.port)
        defer { connection.close() }
        try connection.send("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 4\r\nExpect: 100-continue\r\n\r\n")
        try connection.send("body")
        let response = try connection.readResponse()
        #expect(response.bodyText == "POST / body")
        #expect(try connection.informationalStatuses() == [100])
    }

    @Test func refusesADeclaredBodyOverTheLimit() throws {
        let server = try Self.startServer()
        defer { server.shutdown() }
        let connection = try RawHTTPConnection(port: server.port)
        defer { connection.close() }
        let body = String(repeating: "x", count: 1025)
        try connection.send(Self.post("/", body: body))
        let response = try connection.readResponse()
        #expect(response.status == 413)
        #expect(response.bodyText == "bodyTooLarge(limit: 1024)")
        #expect(response.header("Connection") == "close")
        #expect(connection.waitForClose())
    }

    @Test func refusesAChunkedBodyThatGrowsOverTheLimit() throws {
        let server = try Self.startServer()
        defer { server.shutdown() }
        let connection = try RawHTTPConnection(port: server.port)
        defer { connection.close() }
        let chunk = String(repeating: "y", count: 600)
        try connection.send("POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n258\r\n\(chunk)\r\n258\r\n\(chunk)\r\n0\r\n\r\n")
        let response = try connection.readResponse()
        #expect(response.status == 413)
        #expect(response.bodyText == "bodyTooLarge(limit: 1024)")
        #expect(connection.waitForClose())
    }

    @Test func refusesHeadersOverTheLimit() throws {
        let server = try Self.startServer(limits: HTTPServerLimits(maxHeaderFieldBytes: 512, maxHeaderListBytes: 1024))
        defer { server.shutdown() }
        let connection = try RawHTTPConnection(port: server.port)
        defer { connection.close() }
        let big = String(repeating: "h", count: 2048)
        try connection.send(Self.post("/", body: "x", extraHeaders: "X-Big: \(big)\r\n"))
        let response = try connection.readResponse()
        #expect(response.status == 431)
        #expect(response.bodyText == "headersTooLarge")
        #expect(connection.waitForClose())
    }

    @Test func refusesBytesThatAreNotHTTP() throws {
        let server = try Self.startServer()
        defer { server.shutdown() }
        let connection = try RawHTTPConnection(port: server.port)
        defer { connection.close() }
        try connection.send("THIS IS NOT HTTP\r\n\r\n")
        let response = try connection.readResponse()
        #expect(response.status == 400)
        #expect(response.bodyText.hasPrefix("malformed("))
        #expect(connection.waitForClose())
    }

    @Test func refusesAnInvalidContentLength() throws {
        let server = try Self.startServer()
        defer { server.shutdown() }
        let connection = try RawHTTPConnection(port: server.port)
        defer { connection.close() }
        try connection.send("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: abc\r\n\r\n")
        let response = try connection.readResponse()
        #expect(response.status == 400)
        #expect(connection.waitForClose())
    }

    @Test func dropsTheConnectionWhenTheHandlerSaysSo() throws {
        let server = try Self.startServer()
        defer { server.shutdown() }
        let connection = try RawHTTPConnection(port: server.port)
        defer { connection.close() }
        try connection.send(Self.post("/drop", body: "x"))
        #expect(throws: RawHTTPError.closedWithoutResponse) { try connection.readResponse() }
    }

    @Test func servesConcurrentClientsEachTheirOwnAnswer() async throws {
        let server = try Self.startServer()
        defer { server.shutdown() }
        let port = server.port
        let answers = try await withThrowingTaskGroup(of: (Int, String).self) { group in
            for client in 0..<12 {
                group.addTask {
                    let connection = try RawHTTPConnection(port: port)
                    defer { connection.close() }
                    var last = ""
                    for round in 0..<5 {
                        try connection.send(Self.post("/slow?ms=5", body: "c\(client)r\(round)"))
                        last = try connection.readResponse().bodyText
                    }
                    return (client, last)
                }
            }
            var result: [Int: String] = [:]
            for try await (client, text) in group { result[client] = text }
            return result
        }
        #expect(answers.count == 12)
        for (client, text) in answers {
            #expect(text == "POST /slow?ms=5 c\(client)r4")
        }
    }

    @Test func shutdownFinishesTheInFlightRequestThenRefusesConnections() throws {
        let server = try Self.startServer()
        let port = server.port
        let connection = try RawHTTPConnection(port: port)
        defer { connection.close() }
        try connection.send(Self.post("/slow?ms=400", body: "in-flight"))
        // Give the request time to reach the handler before shutting down.
        Thread.sleep(forTimeInterval: 0.1)
        let done = DispatchSemaphore(value: 0)
        Thread.detachNewThread {
            server.shutdown()
            done.signal()
        }
        let response = try connection.readResponse()
        #expect(response.bodyText == "POST /slow?ms=400 in-flight")
        #expect(response.header("Connection") == "close")
        #expect(connection.waitForClose())
        done.wait()
        #expect(throws: (any Error).self) { try RawHTTPConnection(port: port).close() }
    }

    @Test func shutdownClosesIdleConnections() throws {
        let server = try Self.startServer()
        let connection = try RawHTTPConnection(port: server.port)
        defer { connection.close() }
        try connection.send(Self.post("/", body: "x"))
        _ = try connection.readResponse()
        server.shutdown()
        #expect(connection.waitForClose(timeout: .seconds(5)))
    }

    @Test func bindFailureNamesTheAddress() throws {
        let first = try Self.startServer()
        defer { first.shutdown() }
        #expect(throws: (any Error).self) {
            try HTTPServer.start(configuration: HTTPServerConfiguration(host: "127.0.0.1", port: first.port), handler: EchoHandler())
        }
        do {
            _ = try HTTPServer.start(configuration: HTTPServerConfiguration(host: "127.0.0.1", port: first.port), handler: EchoHandler())
        } catch {
            #expect("\(error)".hasPrefix("cannot listen on 127.0.0.1:\(first.port):"))
        }
    }
}
