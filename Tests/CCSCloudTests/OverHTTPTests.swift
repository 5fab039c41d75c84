import CloudControl
import CloudControlLocal
import CloudControlServer
import Foundation
import Testing

@testable import CCSCloud

/// The same scripts against the emulator over HTTP: the server module in-process on a
/// loopback port, reached by the HTTP client (SigV4, awsJson1_0, libcurl), with the requests
/// the server receives counted on its side.
final class HTTPBackend {
    let received: CountingService
    let server: HTTPServer
    let client: CloudControlClient

    init(engine: CloudControlService) throws {
        received = CountingService(engine)
        server = try HTTPServer.start(
            configuration: HTTPServerConfiguration(host: "127.0.0.1", port: 0),
            handler: CloudControlAPIHandler(service: received, credentials: ["test": "test"], faults: .none))
        client = CloudControlClient(
            configuration: ClientConfiguration(region: "us-east-1", endpointURL: server.url, maxAttempts: 1),
            credentials: { AWSCredentials(accessKeyId: "test", secretAccessKey: "test") },
            transport: CurlTransport(configuration: .init(userAgent: "ccs-tests")))
    }

    deinit {
        server.shutdown()
    }
}

@Suite struct OverHTTPTests {
    static func harness(latency: Double = 0.2, faults: String = "") throws -> (CloudHarness, HTTPBackend) {
        var backend: HTTPBackend?
        var failure: Error?
        let h = try CloudHarness(latency: latency, faults: faults) { engine in
            do {
                let made = try HTTPBackend(engine: engine)
                backend = made
                return made.client
            } catch {
                failure = error
                return engine
            }
        }
        if let failure { throw failure }
        guard let backend else { throw SeedError(message: "no HTTP backend") }
        return (h, backend)
    }

    @Test func getJustAfterCreateOverHTTPWithTheNotFoundFault() throws {
        let (h, backend) = try Self.harness(faults: "notfound-after-create=1,notfound-window=2")
        let result = h.run(
            """
            let id = wait(create("AWS::Logs::LogGroup", {LogGroupName: "late"})).Identifier
            print(get("AWS::Logs::LogGroup", id).id)
            try { get("AWS::Logs::LogGroup", "absent") } catch e { print(e.code, e.status) }
            """, printResult: false)
        #expect(result.errors == "")
        #expect(result.lines == ["late", "ResourceNotFoundException 400"])
        // Hidden for 2 s: reads at 0, 0.25, 0.75 and 1.75 s miss, the one at 3.75 s finds it;
        // "absent" is read once.
        #expect(backend.received.count(.getResource) == 6)
    }

    @Test func lifecycleOverHTTP() throws {
        let (h, backend) = try Self.harness()
        let result = h.run(
            """
            let g = get("AWS::Logs::LogGroup", wait(create("AWS::Logs::LogGroup", {LogGroupName: "h", RetentionInDays: 7})).Identifier)
            wait(patch(g, {RetentionInDays: 14}))
            wait(patch("AWS::Logs::LogGroup", "h", [{op: "add", path: "/Tags", value: [{Key: "k", Value: "v"}]}]))
            print(get("AWS::Logs::LogGroup", "h").props)
            let c = create("AWS::Logs::LogGroup", {LogGroupName: "h2"})
            cancel(c)
            try { wait(c) } catch e { print(e.code, e.status) }
            try { get("AWS::Logs::LogGroup", "zzz") } catch e { print(e.code, e.status, e.request_id != null) }
            print(wait(delete(g)).OperationStatus)
            """, printResult: false)
        #expect(result.errors == "")
        #expect(
            result.lines == [
                #"{"LogGroupName":"h","Arn":"arn:aws:logs:us-east-1:123456789012:log-group:h:*","LogGroupClass":"STANDARD","RetentionInDays":14,"Tags":[{"Key":"k","Value":"v"}]}"#,
                "RequestCancelled CANCEL_COMPLETE",
                "ResourceNotFoundException 400 true",
                "SUCCESS",
            ])
        #expect(h.properties("AWS::Logs::LogGroup", "h") == nil)
        #expect(backend.received.count(.cancelResourceRequest) == 1)
    }

    @Test func lazyListingSendsOneRequestToTheServer() throws {
        let (h, backend) = try Self.harness()
        try h.seed("AWS::Logs::LogGroup", ListingTests.groups(60))
        backend.received.reset()
        let result = h.run(
            """
            let n = 0
            for r in list("AWS::Logs::LogGroup") { n = n + 1; if n == 3 { break } }
            print(n)
            """)
        #expect(result.errors == "")
        #expect(result.lines == ["3"])
        #expect(backend.received.count(.listResources) == 1)
        #expect(h.run(#"count(list("AWS::Logs::LogGroup", {model: null}))"#).lines == ["60"])
        #expect(backend.received.count(.listResources) == 4)
    }

    @Test func childListingAndWaitAllOverHTTP() throws {
        let (h, backend) = try Self.harness()
        defer { withExtendedLifetime(backend) {} }
        let result = h.run(
            """
            wait(create("AWS::Logs::LogGroup", {LogGroupName: "p"}))
            let evs = wait_all(map(["a", "b", "c"], fn (s) => create("AWS::Logs::LogStream", {LogGroupName: "p", LogStreamName: s})))
            print(map(evs, fn (e) => e.Identifier))
            print(sort(map(list("AWS::Logs::LogStream", {model: {LogGroupName: "p"}}), fn (s) => s.id)))
            try { wait_all([create("AWS::Logs::LogGroup", {LogGroupName: "p"})]) } catch e { print(e.code, e.failures[0].code) }
            """, printResult: false)
        #expect(result.errors == "")
        #expect(
            result.lines == [
                #"["p|a","p|b","p|c"]"#, #"["p|a","p|b","p|c"]"#, "RequestsFailed AlreadyExists",
            ])
    }
}
