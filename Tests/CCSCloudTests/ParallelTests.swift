import CCSLanguage
import CloudControl
import Foundation
import Testing

@testable import CCSCloud

/// `parallel`, `get_all` and `list(T, {details: true})` in-process against the engine: these
/// run threads against each other, so they are among the tests scripts/asan.sh runs under
/// ThreadSanitizer (docs/FUZZING.md).
@Suite struct ParallelTests {
    @Test func parallelCloudCallsAndSharedStateGiveOrderedResults() throws {
        let h = try CloudHarness(latency: 0)
        let outcome = h.run(
            """
            let names = []
            fn make(i) {
              push(names, "p" + str(i))
              return create("AWS::Logs::LogGroup", {LogGroupName: "p" + str(i)})
            }
            let reqs = parallel(range(30), make)
            print(len(names), len(reqs))
            print(count(filter(wait_all(reqs), fn (e) => e.OperationStatus == "SUCCESS")))
            let ids = []
            for i in range(30) { push(ids, "p" + str(i)) }
            let got = get_all("AWS::Logs::LogGroup", ids + ["nope"], {concurrency: 5})
            print(got[0].id, got[29].id, got[30].code)
            let n = 0
            for r in list("AWS::Logs::LogGroup", {details: true, concurrency: 4}) { n = n + 1 }
            print(n)
            """, printResult: false)
        #expect(outcome.errors == "")
        #expect(outcome.lines == ["30 30", "30", "p0 p29 ResourceNotFoundException", "30"])
        #expect(h.service.count(.getResource) == 31 + 30)
    }

    @Test func sleepsInsideParallelOverlap() throws {
        let h = try CloudHarness(latency: 0, realSleep: true)
        let started = Date()
        let outcome = h.run(
            """
            fn nap(i) {
              sleep(0.3)
              return i
            }
            print(parallel(range(8), nap, {concurrency: 8}))
            """, printResult: false)
        #expect(outcome.lines == ["[0,1,2,3,4,5,6,7]"])
        // Eight 0.3 s sleeps at once, not one after another (2.4 s).
        #expect(Date().timeIntervalSince(started) < 1.6)
    }

    @Test func ctrlCStopsAParallelRun() throws {
        let h = try CloudHarness(latency: 0, realSleep: true)
        let interruption = h.interruption
        DispatchQueue.global().asyncAfter(deadline: .now() + 0.3) { interruption.request() }
        let started = Date()
        let (error, _) = h.runInterruptible("parallel(range(64), fn (i) => sleep(30), {concurrency: 4})")
        #expect(error is ScriptInterrupted)
        #expect(Date().timeIntervalSince(started) < 10)
    }
}
