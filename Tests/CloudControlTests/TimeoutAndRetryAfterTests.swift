import CCSTestSupport
import Foundation
import Testing

@testable import CloudControl

/// The connect and read time-outs (`--cli-connect-timeout`, `--cli-read-timeout`, AWS CLI
/// semantics) and `Retry-After` (issue 16): a silent server costs the read time-out, not a
/// fixed 60 s, the error says which time-out fired, and a server's wait is honoured up to the
/// backoff cap.
@Suite struct TimeoutAndRetryAfterTests {
    @Test func aSilentServerFailsAfterTheReadTimeoutSayingSo() throws {
        let server = try LoopbackHTTPServer(replies: [.hang])
        defer { server.shutdown() }
        let transport = CurlTransport(
            configuration: .init(
                userAgent: "ccs/test", connectTimeout: 2, readTimeout: 1, totalTimeout: 0, proxies: ProxySettings()))
        defer { transport.close() }
        let started = Date()
        let error = #expect(throws: TransportError.self) {
            try transport.send(HTTPRequest(method: "POST", url: server.baseURL + "/"), timeout: nil)
        }
        #expect(error?.kind == .timeout)
        #expect(error?.cause.hasPrefix("read timeout: nothing received for 1 s (--cli-read-timeout, cli_read_timeout; 0 for none)") == true, "\(String(describing: error))")
        #expect(Date().timeIntervalSince(started) < 5)
    }

    @Test func aConnectionThatIsNeverAcceptedFailsAfterTheConnectTimeout() throws {
        // A listener with a backlog of one that never accepts: once its queue is full, the
        // kernel drops further SYNs, so a connect waits for its time-out.
        let listener = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        #expect(listener >= 0)
        defer { close(listener) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(listener, $0, length) }
        }
        #expect(listen(listener, 0) == 0)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(listener, $0, &length) }
        }
        let port = Int(UInt16(bigEndian: address.sin_port))
        var fillers: [Int32] = []
        defer { fillers.forEach { close($0) } }
        for _ in 0..<4 {
            let filler = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
            let flags = fcntl(filler, F_GETFL)
            _ = fcntl(filler, F_SETFL, flags | O_NONBLOCK)
            _ = withUnsafeMutablePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(filler, $0, length) }
            }
            fillers.append(filler)
        }
        let transport = CurlTransport(
            configuration: .init(
                userAgent: "ccs/test", connectTimeout: 1, readTimeout: 30, totalTimeout: 0, proxies: ProxySettings()))
        defer { transport.close() }
        let started = Date()
        let error = #expect(throws: TransportError.self) {
            try transport.send(HTTPRequest(method: "POST", url: "http://127.0.0.1:\(port)/"), timeout: nil)
        }
        #expect(error?.kind == .timeout)
        #expect(error?.cause.hasPrefix("connect timeout: no connection within 1 s (--cli-connect-timeout") == true, "\(String(describing: error))")
        #expect(Date().timeIntervalSince(started) < 10)
    }

    static func throttled(status: Int, retryAfter: String) -> LoopbackReply {
        .respond(
            status: status,
            headers: [
                (name: "Content-Type", value: "application/x-amz-json-1.0"),
                (name: "x-amzn-ErrorType", value: "ThrottlingException"),
                (name: "Retry-After", value: retryAfter),
            ],
            body: Array(#"{"__type":"ThrottlingException","Message":"slow down"}"#.utf8))
    }

    @Test(arguments: [
        (429, "7", 7.0),
        // Capped: a server cannot stall the client for days.
        (503, "99999999999999", RetryPolicy.maxBackoff),
        // Only delay-seconds is read; a date leaves the backoff (0.5 of 1 s with fixed jitter).
        (429, "Wed, 21 Oct 2015 07:28:00 GMT", 0.5),
        // Shorter than the backoff: the backoff stands.
        (503, "0", 0.5),
    ])
    func retryAfterIsHonouredUpToTheCap(status: Int, header: String, expected: Double) throws {
        let harness = try ClientTestHarness(replies: [
            Self.throttled(status: status, retryAfter: header),
            .json(#"{"TypeName":"AWS::Logs::LogGroup","ResourceDescriptions":[]}"#),
        ])
        _ = try harness.client.listResources(ListResourcesInput(typeName: "AWS::Logs::LogGroup"))
        #expect(harness.sleeps == [expected])
    }
}
