import CloudControl
import Testing

@testable import CCSCloud

/// `list` and `requests` against a server whose NextTokens loop (issue 16, F5): the script
/// gets a catchable `PaginationError` naming the built-in, not a loop that never ends. The
/// server is the emulator over HTTP behind `LoopingTokensService`.
@Suite struct RepeatedTokenListingTests {
    static func harness(cycle: Int) throws -> (CloudHarness, [HTTPBackend]) {
        var backends: [HTTPBackend] = []
        let h = try CloudHarness { engine in
            guard let backend = try? HTTPBackend(engine: LoopingTokensService(engine, cycle: cycle)) else {
                return engine
            }
            backends.append(backend)
            return backend.client
        }
        #expect(backends.count == 1, "the HTTP backend started")
        return (h, backends)
    }

    @Test(arguments: [1, 2, 3])
    func listAndRequestsStopWhenATokenComesBack(cycle: Int) throws {
        let (h, backends) = try Self.harness(cycle: cycle)
        defer { withExtendedLifetime(backends) {} }
        try h.seed("AWS::Logs::LogGroup", ListingTests.groups(2))
        h.service.reset()
        let result = h.run(
            """
            try { print(count(list("AWS::Logs::LogGroup"))) } catch e { print(e.code); print(e.message) }
            try { print(count(requests())) } catch e { print(e.code); print(e.message) }
            """, printResult: false)
        #expect(result.errors == "")
        let repeated = "loop-\((cycle + 1) % cycle)"
        #expect(
            result.lines == [
                "PaginationError",
                "list: ListResources pagination stopped: the service returned a NextToken it had already returned (\(repeated)); following it again would repeat the same pages forever",
                "PaginationError",
                "requests: ListResourceRequests pagination stopped: the service returned a NextToken it had already returned (\(repeated)); following it again would repeat the same pages forever",
            ])
        // The pages up to the first token that comes back, and not one more.
        #expect(h.service.count(.listResources) == cycle + 1)
        #expect(h.service.count(.listResourceRequests) == cycle + 1)
    }

    @Test func anUncaughtLoopEndsTheScriptWithTheError() throws {
        let (h, backends) = try Self.harness(cycle: 2)
        defer { withExtendedLifetime(backends) {} }
        let result = h.run(#"print(count(list("AWS::Logs::LogGroup")))"#, printResult: false)
        #expect(result.status != 0)
        #expect(result.output == "")
        #expect(
            result.errors.contains(
                "list: ListResources pagination stopped: the service returned a NextToken it had already returned (loop-1)"
            ))
    }
}
