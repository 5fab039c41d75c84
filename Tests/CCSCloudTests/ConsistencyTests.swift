import CCSLanguage
import CloudControl
import Testing

@testable import CCSCloud

/// `get` just after a create: the emulator's `notfound-after-create` fault hides a fresh
/// resource from GetResource for `notfound-window` seconds, as Cloud Control's eventual
/// consistency can. `get` retries only for resources this session saw created.
@Suite struct ConsistencyTests {
    @Test func getRetriesANotFoundJustAfterACreate() throws {
        let h = try CloudHarness(faults: "notfound-after-create=1,notfound-window=3")
        let result = h.run(
            """
            let ev = wait(create("AWS::Logs::LogGroup", {LogGroupName: "fresh"}))
            print(get("AWS::Logs::LogGroup", ev.Identifier).props.LogGroupName)
            """)
        #expect(result.errors == "")
        #expect(result.lines == ["fresh"])
        // Hidden for 3 s: retries after 0.25, 0.5, 1 and 2 s (3.75 s) find it.
        #expect(h.service.count(.getResource) == 5)
    }

    @Test func aPlainMissingResourceFailsAtOnce() throws {
        let h = try CloudHarness(faults: "notfound-after-create=1,notfound-window=3")
        let start = h.clock.now()
        let result = h.run(
            #"try { get("AWS::Logs::LogGroup", "never-made") } catch e { print(e.code) }"#)
        #expect(result.lines == ["ResourceNotFoundException"])
        #expect(h.service.count(.getResource) == 1)
        #expect(h.clock.now() == start)
    }

    @Test func aResourceCreatedElsewhereIsNotRetried() throws {
        let h = try CloudHarness(faults: "notfound-after-create=1,notfound-window=60")
        // Created straight on the engine, so this session never saw the CREATE succeed.
        try h.seed("AWS::Logs::LogGroup", [#"{"LogGroupName":"elsewhere"}"#])
        h.service.reset()
        let result = h.run(
            #"try { get("AWS::Logs::LogGroup", "elsewhere") } catch e { print(e.code) }"#)
        #expect(result.lines == ["ResourceNotFoundException"])
        #expect(h.service.count(.getResource) == 1)
    }

    @Test func theRetryIsBounded() throws {
        let h = try CloudHarness(faults: "notfound-after-create=1,notfound-window=60")
        let result = h.run(
            """
            wait(create("AWS::Logs::LogGroup", {LogGroupName: "slow-to-show"}))
            try { get("AWS::Logs::LogGroup", "slow-to-show") } catch e { print(e.code); print(e.message) }
            """, printResult: false)
        #expect(result.errors == "")
        #expect(
            result.lines == [
                "ResourceNotFoundException",
                "get: ResourceNotFoundException: Resource of type 'AWS::Logs::LogGroup' with identifier 'slow-to-show' was not found. (still not found after retrying for 9.75 s, though this session saw it created moments ago)",
            ])
        // 0.25 + 0.5 + 1 + 2 × 4 = 9.75 s of pauses, one read after each.
        #expect(h.service.count(.getResource) == 8)
    }

    @Test func aDeleteEndsTheGrace() throws {
        let h = try CloudHarness(faults: "notfound-after-create=1,notfound-window=1")
        let first = h.run(
            """
            wait(create("AWS::Logs::LogGroup", {LogGroupName: "gone"}))
            wait(delete(get("AWS::Logs::LogGroup", "gone")))
            """)
        #expect(first.errors == "")
        h.service.reset()
        let result = h.run(#"try { get("AWS::Logs::LogGroup", "gone") } catch e { print(e.code) }"#)
        #expect(result.lines == ["ResourceNotFoundException"])
        #expect(h.service.count(.getResource) == 1)
    }

    @Test(arguments: [
        (0, 0.0, 0.25), (1, 0.25, 0.5), (2, 0.75, 1.0), (3, 1.75, 2.0), (6, 7.75, 2.0),
    ])
    func retryDelaysDoubleUpToTwoSeconds(attempt: Int, waited: Double, delay: Double) {
        #expect(FreshCreates.retryDelay(attempt: attempt, waited: waited) == delay)
    }

    @Test func retryStopsAtTheBudget() {
        #expect(FreshCreates.retryDelay(attempt: 7, waited: 9.75) == nil)
        #expect(FreshCreates.retryDelay(attempt: 2, waited: 9.5) == nil)
    }
}
