import Testing

@testable import CCSCloud

/// `wait` on requests that have already finished (issue 16, F16): no pause before the answer.
/// The harness's sleep advances its manual clock, so the clock's movement is the sum of every
/// pause `wait` took, and the engine counts the polls.
@Suite struct WaitFinishedTests {
    @Test func waitingInALoopOnRequestsThatFinishedMeanwhilePollsEachAtOnce() throws {
        let h = try CloudHarness(latency: 0.2)
        let start = h.clock.now()
        let result = h.run(
            """
            let rs = []
            for i in range(50) { push(rs, create("AWS::Logs::LogGroup", {LogGroupName: "f" + str(i)})) }
            let done = 0
            for r in rs { if wait(r).OperationStatus == "SUCCESS" { done = done + 1 } }
            print(done)
            """, printResult: false)
        #expect(result.errors == "")
        #expect(result.lines == ["50"])
        // The first wait follows RetryAfter to the end of the two 0.2 s phases (two polls).
        // By then the other 49 have finished and their RetryAfter is past: one poll each and
        // no pause, where a backoff step (0.75 s with the harness's jitter) came first before.
        #expect(h.service.count(.getResourceRequestStatus) == 51)
        #expect(abs(h.clock.now() - start - 0.4) < 1e-6)
    }

    @Test func waitAllOnRequestsThatFinishedMeanwhileDoesNotPause() throws {
        let h = try CloudHarness(latency: 0.2)
        let start = h.clock.now()
        let result = h.run(
            """
            let rs = []
            for i in range(5) { push(rs, create("AWS::Logs::LogGroup", {LogGroupName: "w" + str(i)})) }
            wait(rs[0])
            print(len(wait_all(rs)))
            """, printResult: false)
        #expect(result.errors == "")
        #expect(result.lines == ["5"])
        // rs[0] is known finished (no poll); the four others are polled once, at once.
        #expect(h.service.count(.getResourceRequestStatus) == 2 + 4)
        #expect(abs(h.clock.now() - start - 0.4) < 1e-6)
    }

    @Test func aRequestKnownFinishedReturnsOrRaisesWithoutACall() throws {
        let h = try CloudHarness(latency: 0.2)
        try h.seed("AWS::Logs::LogGroup", [#"{"LogGroupName":"dup"}"#])
        let start = h.clock.now()
        let first = h.run(
            """
            let ok = create("AWS::Logs::LogGroup", {LogGroupName: "once"})
            let bad = create("AWS::Logs::LogGroup", {LogGroupName: "dup"})
            wait(ok)
            try { wait(bad) } catch e { print(e.code) }
            print(wait(ok).OperationStatus)
            try { wait(bad) } catch e { print(e.code, e.status) }
            print(len(wait_all([ok])))
            """, printResult: false)
        #expect(first.errors == "")
        #expect(first.lines == ["AlreadyExists", "SUCCESS", "AlreadyExists FAILED", "1"])
        // ok: two polls; bad: failed by then, one poll at once. Nothing after: the second
        // wait of each, and wait_all, answer from the event they hold.
        #expect(h.service.count(.getResourceRequestStatus) == 3)
        #expect(abs(h.clock.now() - start - 0.4) < 1e-6)
    }
}
