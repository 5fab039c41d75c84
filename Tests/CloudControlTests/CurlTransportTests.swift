import CCSTestSupport
import Foundation
import Testing

@testable import CloudControl

@Suite("CurlTransport against a loopback server")
struct CurlTransportTests {
    func transport(
        maxResponseBytes: Int = 1 << 20, proxies: ProxySettings = ProxySettings(),
        debugHook: (@Sendable (HTTPExchange) -> Void)? = nil
    ) -> CurlTransport {
        CurlTransport(
            configuration: .init(
                userAgent: "ccs/9.9.9", connectTimeout: 2, totalTimeout: 5,
                maxResponseBytes: maxResponseBytes,
                proxies: proxies, debugHook: debugHook))
    }

    @Test func sendsMethodHeadersBodyAndUserAgentAndReadsResponse() throws {
        let server = try LoopbackHTTPServer(replies: [
            .json(status: 200, #"{"ok":true}"#, headers: [(name: "X-Extra", value: "a b")])
        ])
        defer { server.shutdown() }
        let client = transport()
        defer { client.close() }
        let request = HTTPRequest(
            method: "POST", url: server.baseURL + "/",
            headers: [
                (name: "Content-Type", value: "application/x-amz-json-1.0"),
                (name: "X-Amz-Target", value: "CloudApiService.GetResource"),
            ],
            body: Array(#"{"TypeName":"AWS::Logs::LogGroup"}"#.utf8))
        let response = try client.send(request, timeout: nil)
        #expect(response.status == 200)
        #expect(String(decoding: response.body, as: UTF8.self) == #"{"ok":true}"#)
        #expect(response.header("x-extra") == "a b")
        #expect(response.header("content-type") == "application/x-amz-json-1.0")
        let seen = try #require(server.requests.first)
        #expect(seen.method == "POST")
        #expect(seen.target == "/")
        #expect(seen.header("User-Agent") == "ccs/9.9.9")
        #expect(seen.header("X-Amz-Target") == "CloudApiService.GetResource")
        #expect(seen.header("Content-Type") == "application/x-amz-json-1.0")
        #expect(seen.header("Expect") == nil)
        #expect(seen.bodyText == #"{"TypeName":"AWS::Logs::LogGroup"}"#)
    }

    @Test func reusesOneConnectionAcrossRequests() throws {
        let server = try LoopbackHTTPServer(replies: [.json("{}"), .json("{}"), .json("{}")])
        defer { server.shutdown() }
        let client = transport()
        defer { client.close() }
        for _ in 0..<3 {
            _ = try client.send(
                HTTPRequest(method: "POST", url: server.baseURL + "/", body: Array("{}".utf8)), timeout: nil)
        }
        #expect(server.requests.count == 3)
        #expect(server.connectionCount == 1)
    }

    @Test func concurrentCallersShareOneTransportSafely() throws {
        let count = 16
        let server = try LoopbackHTTPServer(responder: { request in .json(#"{"echo":"\#(request.bodyText)"}"#)
        })
        defer { server.shutdown() }
        let client = transport()
        defer { client.close() }
        let results = ExchangeBox()
        DispatchQueue.concurrentPerform(iterations: count) { index in
            let request = HTTPRequest(
                method: "POST", url: server.baseURL + "/", body: Array("n\(index)".utf8))
            if let response = try? client.send(request, timeout: nil) {
                results.append(HTTPExchange(request: request, response: response, error: nil, duration: 0))
            }
        }
        let exchanges = results.exchanges
        #expect(exchanges.count == count)
        for exchange in exchanges {
            let sent = String(decoding: exchange.request.body, as: UTF8.self)
            #expect(String(decoding: exchange.response?.body ?? [], as: UTF8.self) == #"{"echo":"\#(sent)"}"#)
        }
        #expect(server.requests.count == count)
    }

    /// Sends one request per thread, all at once; returns how many succeeded.
    static func sendConcurrently(_ count: Int, with client: CurlTransport, to server: LoopbackHTTPServer)
        -> Int
    {
        let group = DispatchGroup()
        let successes = ExchangeBox()
        for index in 0..<count {
            group.enter()
            Thread.detachNewThread {
                let request = HTTPRequest(
                    method: "POST", url: server.baseURL + "/", body: Array("n\(index)".utf8))
                if let response = try? client.send(request, timeout: nil), response.status == 200 {
                    successes.append(
                        HTTPExchange(request: request, response: response, error: nil, duration: 0))
                }
                group.leave()
            }
        }
        group.wait()
        return successes.exchanges.count
    }

    @Test func poolRunsCallersInParallel() throws {
        let server = try LoopbackHTTPServer(responder: { _ in .delayed(seconds: 0.5, reply: .json("{}")) })
        defer { server.shutdown() }
        let client = CurlTransport(
            configuration: .init(userAgent: "ccs/test", maxConnections: 4, proxies: ProxySettings()))
        defer { client.close() }
        #expect(Self.sendConcurrently(4, with: client, to: server) == 4)
        #expect(server.connectionCount >= 2, "requests in flight together use separate connections")
    }

    @Test func poolNeverExceedsItsCapacity() throws {
        let server = try LoopbackHTTPServer(responder: { _ in .delayed(seconds: 0.1, reply: .json("{}")) })
        defer { server.shutdown() }
        let client = CurlTransport(
            configuration: .init(userAgent: "ccs/test", maxConnections: 2, proxies: ProxySettings()))
        defer { client.close() }
        #expect(Self.sendConcurrently(6, with: client, to: server) == 6)
        #expect(server.connectionCount <= 2)
        #expect(server.requests.count == 6)
    }

    @Test func connectionRefusedNamesTheHost() throws {
        // Bind a port, then stop the server: nothing listens there any more.
        let server = try LoopbackHTTPServer()
        let url = server.baseURL + "/"
        let port = server.port
        server.shutdown()
        let error = #expect(throws: TransportError.self) {
            try transport().send(HTTPRequest(method: "GET", url: url), timeout: nil)
        }
        #expect(error?.kind == .connectionRefused)
        #expect(error?.host == "127.0.0.1:\(port)")
        #expect(error?.description.contains("127.0.0.1:\(port)") == true)
    }

    @Test func droppedConnectionIsReported() throws {
        let server = try LoopbackHTTPServer(replies: [.dropConnection])
        defer { server.shutdown() }
        let error = #expect(throws: TransportError.self) {
            try transport().send(HTTPRequest(method: "POST", url: server.baseURL + "/"), timeout: nil)
        }
        #expect(error?.kind == .connectionDropped)
        #expect(error?.isConnectionFailure == true)
    }

    @Test func truncatedBodyIsADroppedConnection() throws {
        let server = try LoopbackHTTPServer(replies: [
            .truncated(status: 200, declaredLength: 100, body: Array("{\"a\"".utf8))
        ])
        defer { server.shutdown() }
        let error = #expect(throws: TransportError.self) {
            try transport().send(HTTPRequest(method: "POST", url: server.baseURL + "/"), timeout: nil)
        }
        #expect(error?.kind == .connectionDropped)
    }

    @Test func garbageInsteadOfHTTPIsMalformed() throws {
        let server = try LoopbackHTTPServer(replies: [.raw(Array("this is not HTTP at all\r\n\r\n".utf8))])
        defer { server.shutdown() }
        let error = #expect(throws: TransportError.self) {
            try transport().send(HTTPRequest(method: "POST", url: server.baseURL + "/"), timeout: nil)
        }
        #expect(error?.kind == .malformedResponse)
        #expect(error?.isConnectionFailure == false)
    }

    @Test func hangingServerTimesOut() throws {
        let server = try LoopbackHTTPServer(replies: [.hang])
        defer { server.shutdown() }
        let started = Date()
        let error = #expect(throws: TransportError.self) {
            try transport().send(HTTPRequest(method: "POST", url: server.baseURL + "/"), timeout: 0.3)
        }
        #expect(error?.kind == .timeout)
        #expect(Date().timeIntervalSince(started) < 3)
    }

    @Test func responseSizeGuardAborts() throws {
        let big = String(repeating: "x", count: 5000)
        let server = try LoopbackHTTPServer(replies: [
            .json(#"{"a":"\#(big)"}"#),
            .respond(status: 200, headers: [], body: [UInt8](repeating: 65, count: 5000)),
        ])
        defer { server.shutdown() }
        let client = transport(maxResponseBytes: 1000)
        for _ in 0..<2 {
            let error = #expect(throws: TransportError.self) {
                try client.send(HTTPRequest(method: "POST", url: server.baseURL + "/"), timeout: nil)
            }
            #expect(error?.kind == .responseTooLarge)
            #expect(error?.cause.contains("1000 bytes") == true)
        }
    }

    @Test func proxyFromSettingsIsUsedForHTTP() throws {
        let proxy = try LoopbackHTTPServer(replies: [.json("{}")])
        defer { proxy.shutdown() }
        let settings = ProxySettings(environment: [
            "http_proxy": proxy.baseURL, "HTTPS_PROXY": "http://127.0.0.1:1",
        ])
        let response = try transport(proxies: settings).send(
            HTTPRequest(method: "GET", url: "http://cloudcontrol.invalid/x"), timeout: nil)
        #expect(response.status == 200)
        #expect(proxy.requests.first?.target == "http://cloudcontrol.invalid/x")
        #expect(proxy.requests.first?.path == "/x")
    }

    @Test func noProxyBypassesTheProxy() throws {
        let server = try LoopbackHTTPServer(replies: [.json("{}")])
        defer { server.shutdown() }
        let settings = ProxySettings(environment: [
            "http_proxy": "http://127.0.0.1:1", "no_proxy": "127.0.0.1",
        ])
        let response = try transport(proxies: settings).send(
            HTTPRequest(method: "GET", url: server.baseURL + "/"), timeout: nil)
        #expect(response.status == 200)
    }

    @Test func proxySettingsPreferLowercaseAndPickBySchem() {
        let settings = ProxySettings(environment: [
            "http_proxy": "http://a", "HTTP_PROXY": "http://b", "HTTPS_PROXY": "http://c", "NO_PROXY": "x",
        ])
        #expect(settings.proxy(forURL: "http://h/") == "http://a")
        #expect(settings.proxy(forURL: "https://h/") == "http://c")
        #expect(settings.noProxy == "x")
        #expect(ProxySettings(environment: [:]).proxy(forURL: "https://h/") == nil)
    }

    @Test func tlsVerificationFailsWithBadCABundle() throws {
        // A CA bundle that does not exist must fail the handshake setup, never fall back to no
        // verification. The URL is loopback; nothing listens on port 1, so either the bundle
        // error or the refusal is acceptable, but never success.
        let client = CurlTransport(
            configuration: .init(
                userAgent: "ccs/test", connectTimeout: 1, totalTimeout: 2, caBundlePath: "/nonexistent/ca.pem"
            ))
        #expect(throws: TransportError.self) {
            try client.send(HTTPRequest(method: "GET", url: "https://127.0.0.1:1/"), timeout: nil)
        }
    }

    @Test func debugHookGetsRedactedExchange() throws {
        let server = try LoopbackHTTPServer(replies: [.json(#"{"x":1}"#)])
        defer { server.shutdown() }
        let box = ExchangeBox()
        let client = transport(debugHook: { box.append($0) })
        let auth =
            "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20260101/eu-west-3/cloudcontrolapi/aws4_request, SignedHeaders=host;x-amz-date, Signature=deadbeef"
        _ = try client.send(
            HTTPRequest(
                method: "POST", url: server.baseURL + "/",
                headers: [
                    (name: "Authorization", value: auth),
                    (name: "X-Amz-Security-Token", value: "SECRET-TOKEN"),
                ]), timeout: nil)
        let exchange = try #require(box.exchanges.first)
        let text = exchange.render()
        #expect(!text.contains("deadbeef"))
        #expect(!text.contains("SECRET-TOKEN"))
        #expect(text.contains("Signature=<redacted>"))
        #expect(text.contains("Credential=AKIDEXAMPLE/20260101"))
        #expect(text.contains("< HTTP 200"))
        // What was sent on the wire is not redacted.
        #expect(server.requests.first?.header("Authorization") == auth)
    }
}

/// Collects exchanges from the debug hook across threads.
final class ExchangeBox: @unchecked Sendable {
    private let lock = NSLock()
    private var items: [HTTPExchange] = []
    func append(_ exchange: HTTPExchange) {
        lock.lock()
        items.append(exchange)
        lock.unlock()
    }
    var exchanges: [HTTPExchange] {
        lock.lock()
        defer { lock.unlock() }
        return items
    }
}
