import CCSLanguage
import CloudControl
import Foundation
import Testing

@testable import CCSCloud

/// `wait` and `wait_all`: RetryAfter, backoff, resubmission, timeout, interruption, progress,
/// and the errors they raise. The engine and the waiter share a manual clock.
@Suite struct WaitTests {
    @Test func honoursRetryAfterInsteadOfBackingOff() throws {
        let h = try CloudHarness(latency: 0.2)
        let start = h.clock.now()
        let result = h.run(
            #"print(wait(create("AWS::Logs::LogGroup", {LogGroupName: "q"})).OperationStatus)"#)
        #expect(result.lines == ["SUCCESS"])
        // PENDING and IN_PROGRESS last 0.2 s each; RetryAfter points at each phase's end, so
        // two polls suffice and no backoff step (0.75 s with the harness's jitter) is taken.
        #expect(h.service.count(.getResourceRequestStatus) == 2)
        #expect(h.clock.now() - start < 0.5)
    }

    @Test func backsOffWithoutRetryAfter() throws {
        let h = try CloudHarness(latency: 2, wrap: { NoRetryAfterService($0) })
        let start = h.clock.now()
        let result = h.run(
            #"print(wait(create("AWS::Logs::LogGroup", {LogGroupName: "b"})).OperationStatus)"#)
        #expect(result.lines == ["SUCCESS"])
        // The request takes 4 s. Steps of 1, 2 and 4 s with the harness's jitter (3/4 of each
        // step) poll at 0.75, 2.25 and 5.25 s.
        #expect(h.service.count(.getResourceRequestStatus) == 3)
        #expect(abs(h.clock.now() - start - 5.25) < 0.01)
    }

    @Test func unknownTokenIsAnAPIError() throws {
        let h = try CloudHarness()
        let result = h.run(#"try { wait("no-such-token") } catch e { print(e.code, e.status) }"#)
        #expect(result.lines == ["RequestTokenNotFoundException 400"])
    }

    @Test func waitByTokenString() throws {
        let h = try CloudHarness(latency: 1)
        let result = h.run(
            """
            let t = create("AWS::Logs::LogGroup", {LogGroupName: "tok"}).token
            print(wait(t).Identifier)
            """)
        #expect(result.errors == "")
        #expect(result.lines == ["tok"])
    }

    @Test func failedRequestRaisesItsErrorCode() throws {
        let h = try CloudHarness()
        try h.seed("AWS::Logs::LogGroup", [#"{"LogGroupName":"dup"}"#])
        let result = h.run(
            """
            try { wait(create("AWS::Logs::LogGroup", {LogGroupName: "dup"})) }
            catch e { print(e.code, e.status, e.request.status, e.request.op) }
            try { wait(patch("AWS::Logs::LogGroup", "dup", [{op: "replace", path: "/LogGroupName", value: "x"}])) }
            catch e { print(e.code, e.status) }
            try { patch("AWS::Logs::LogGroup", "dup", {LogGroupName: "other"}) }
            catch e { print(e.code, e.message) }
            try { patch("AWS::Logs::LogGroup", "dup", {Arn: "arn:x"}) }
            catch e { print(e.code) }
            """)
        #expect(result.errors == "")
        #expect(
            result.lines == [
                "AlreadyExists FAILED FAILED CREATE",
                // A raw patch reaches the service, which refuses a create-only path at once.
                "NotUpdatableException 400",
                "CreateOnlyChange patch: /LogGroupName is create-only in AWS::Logs::LogGroup and cannot be updated (create a new resource instead)",
                "ReadOnlyChange",
            ])
        // The create-only and read-only changes were refused before anything was sent.
        #expect(h.service.count(.updateResource) == 1)
    }

    @Test func transientFailuresAreResubmittedWithAFreshToken() throws {
        let h = try CloudHarness(faults: "failed-throttle=1")
        let result = h.run(
            """
            try { wait(create("AWS::Logs::LogGroup", {LogGroupName: "t"})) } catch e { print(e.code, e.request.status) }
            try { wait(create("AWS::Logs::LogGroup", {LogGroupName: "u"}), {resubmit: 0}) } catch e { print(e.code) }
            """)
        #expect(result.errors == "")
        #expect(result.lines == ["Throttling FAILED", "Throttling"])
        // 1 + 3 resubmissions for the first, 1 for the second.
        #expect(h.service.count(.createResource) == 5)
    }

    @Test func aResubmittedCreateReusesNothingStale() throws {
        var throttler: ThrottleFirstCreateService?
        let h = try CloudHarness(wrap: {
            let service = ThrottleFirstCreateService($0)
            throttler = service
            return service
        })
        let start = h.clock.now()
        let result = h.run(
            """
            let req = create("AWS::Logs::LogGroup", {LogGroupName: "again"}, {client_token: "mine"})
            print(req.token, req.status, req.event.ErrorCode)
            let ev = wait(req)
            print(ev.OperationStatus, ev.RequestToken == req.token, req.token != "stale-token", ev.Identifier)
            print(req.event?.ErrorCode)
            """)
        #expect(result.errors == "")
        #expect(result.lines == ["stale-token FAILED Throttling", "SUCCESS true true again", "null"])
        // Resubmitted after a pause (a 1 s backoff step, 0.75 s with the harness's jitter),
        // not at once into the same throttle; then two 0.2 s phases.
        #expect(abs(h.clock.now() - start - 1.15) < 0.01)
        let service = try #require(throttler)
        // The user's ClientToken went with the first call only: reusing it would return the
        // throttled request (API reference, "ClientToken").
        #expect(service.clientTokens.count == 2)
        #expect(service.clientTokens.first == "mine")
        #expect(service.clientTokens.last != "mine")
        #expect(!service.polledTokens.isEmpty)
        #expect(!service.polledTokens.contains("stale-token"))
    }

    @Test func waitAllResubmitsThrottledRequestsToo() throws {
        let h = try CloudHarness(faults: "failed-throttle=1")
        let result = h.run(
            """
            let reqs = [create("AWS::Logs::LogGroup", {LogGroupName: "a"}), create("AWS::Logs::LogGroup", {LogGroupName: "b"})]
            try { wait_all(reqs, {resubmit: 1}) } catch e { print(map(e.failures, fn (f) => f.code)) }
            """)
        #expect(result.errors == "")
        #expect(result.lines == [#"["Throttling","Throttling"]"#])
        #expect(h.service.count(.createResource) == 4)
    }

    @Test func timeoutAndInterruption() throws {
        let h = try CloudHarness(latency: 100)
        let timedOut = h.run(
            """
            let req = create("AWS::Logs::LogGroup", {LogGroupName: "slow"})
            try { wait(req, {timeout: 5}) } catch e { print(e.code, e.request.status) }
            """)
        #expect(timedOut.errors == "")
        #expect(timedOut.lines == ["WaitTimeout PENDING"])
        // Ctrl-C is the language's ScriptInterrupted, which `try / catch` does not catch, as
        // for any other loop of the script.
        h.interruption.request()
        let interrupted = h.runInterruptible(
            #"try { wait(create("AWS::Logs::LogGroup", {LogGroupName: "slow2"})) } catch e { print("caught", e.code) }"#
        )
        #expect(interrupted.error is ScriptInterrupted)
        #expect(interrupted.output == "")
    }

    @Test(.timeLimit(.minutes(1))) func ctrlCEndsARealPauseAtOnce() throws {
        // No injected sleep: `wait` pauses through CallContext.sleep, as in the REPL. The
        // manual clock stands still, so without the interruption it would wait forever.
        let h = try CloudHarness(latency: 100, realSleep: true)
        let interruption = h.interruption
        Thread.detachNewThread {
            Thread.sleep(forTimeInterval: 0.3)
            interruption.request()
        }
        let started = Date()
        let result = h.runInterruptible(#"wait(create("AWS::Logs::LogGroup", {LogGroupName: "ctrl-c"}))"#)
        #expect(result.error is ScriptInterrupted)
        #expect(Date().timeIntervalSince(started) < 2)
    }

    @Test func progressIsDrawnAndCleared() throws {
        let h = try CloudHarness(latency: 2)
        _ = h.run(#"wait(create("AWS::Logs::LogGroup", {LogGroupName: "prog"}))"#)
        let lines = h.progress.lines
        #expect(lines.contains { $0.contains("CREATE AWS::Logs::LogGroup PENDING") })
        #expect(lines.contains { $0.contains("CREATE AWS::Logs::LogGroup IN_PROGRESS") })
        #expect(lines.last == "\r\u{1B}[K")
    }

    @Test func waitAllRunsConcurrentlyAndListsEveryFailure() throws {
        let h = try CloudHarness(latency: 3)
        try h.seed("AWS::Logs::LogGroup", [#"{"LogGroupName":"taken"}"#])
        let start = h.clock.now()
        let result = h.run(
            """
            let names = ["w1", "taken", "w2", "w3"]
            let reqs = map(names, fn (n) => create("AWS::Logs::LogGroup", {LogGroupName: n}))
            try { wait_all(reqs) } catch e {
              print(e.code)
              print(len(e.failures), e.failures[0].index, e.failures[0].code)
              print(map(e.events, fn (v) => v?.Identifier))
            }
            print(map(wait_all([create("AWS::Logs::LogGroup", {LogGroupName: "w4"}), create("AWS::Logs::LogGroup", {LogGroupName: "w5"})]), fn (v) => v.Identifier))
            """)
        #expect(result.errors == "")
        #expect(
            result.lines == [
                "RequestsFailed", "1 1 AlreadyExists", #"["w1",null,"w2","w3"]"#, #"["w4","w5"]"#,
            ])
        // Each batch takes two 3-second phases; waiting for them one after the other would
        // take 4 × 6 s + 2 × 6 s.
        #expect(h.clock.now() - start < 2 * 6 + 2)
    }
}
