import Foundation
import Testing

@testable import CCSCloud

/// Cyclic and very deep values given to the built-ins that turn values into JSON (issue 16,
/// F1 and F6): a clear error, never a crash, and no request sent for a cyclic desired state.
@Suite struct CyclicValueTests {
    static let cycles = """
        fn failure(f) {
          try { f() } catch e { return "${e.code}: ${e.message}" }
          return "no error"
        }
        let a = {name: "a"}
        a.self = a
        let l = []
        push(l, l)
        print(failure(fn() => diff(a, {})))
        print(failure(fn() => diff({}, [l])))
        print(failure(fn() => apply_patch(a, [])))
        print(failure(fn() => apply_patch({}, [{op: "add", path: "/x", value: l}])))
        print(failure(fn() => create("AWS::Logs::LogGroup", {LogGroupName: "cyclic", Tags: l})))
        """

    @Test func cyclicValuesAreRefusedByName() throws {
        let h = try CloudHarness()
        let result = h.run(Self.cycles)
        #expect(result.status == 0, "\(result.errors)")
        let contains = "contains itself (a list or map inside itself has no JSON form)"
        #expect(
            result.lines == [
                "ValueError: cyclic value: diff: argument #1 \(contains)",
                "ValueError: cyclic value: diff: argument #2 \(contains)",
                "ValueError: cyclic value: apply_patch: argument #1 \(contains)",
                "ValueError: cyclic value: apply_patch: operations \(contains)",
                "ValueError: cyclic value: create: desired state \(contains)",
            ])
        #expect(h.service.count(.createResource) == 0)
    }

    /// Nested a million deep, `diff` used to run for ever (quadratic in the depth) and then
    /// overflow the stack; past JSON's depth (1,000) it now stops at once. `apply_patch`
    /// builds documents at most 512 deep (JSONPatchBudget).
    @Test func deepValuesDiffQuicklyOrFailClearly() throws {
        let h = try CloudHarness()
        let start = Date()
        let result = h.run(
            """
            fn nest(n, leaf) {
              let v = leaf
              for i in range(n) { v = {a: v} }
              return v
            }
            let old = nest(500, 1)
            let new = nest(500, 2)
            let ops = diff(old, new)
            print(len(ops))
            print(apply_patch(old, ops) == new)
            let huge = nest(1000000, 1)
            try { diff(huge, new) } catch e { print("${e.code}: ${e.message}") }
            """)
        #expect(result.status == 0, "\(result.errors)")
        #expect(
            result.lines == [
                "1", "true",
                "ValueError: value too deep: diff: argument #1 nests lists and maps more than 1000 levels deep, the most ccs reads or writes as JSON",
            ])
        #expect(Date().timeIntervalSince(start) < 30)
    }

    /// The seconds `diff` takes on two chains of maps `depth` deep that differ at the bottom,
    /// the fastest of three runs of five.
    static func diffSeconds(depth: Int) throws -> Double {
        let h = try CloudHarness()
        let result = h.run(
            """
            fn chain(n, leaf) {
              let v = leaf
              for i in range(n) { v = {a: v, b: [1]} }
              return v
            }
            let old = chain(\(depth), 1)
            let new = chain(\(depth), 2)
            let best = 1000000
            for i in range(3) {
              let t = now()
              for j in range(5) { assert(len(diff(old, new)) == 1) }
              best = min(best, now() - t)
            }
            print(best)
            """)
        #expect(result.status == 0, "\(result.errors)")
        return Double(result.lines.first ?? "") ?? .infinity
    }

    /// Eight times the depth costs about eight times as long (it cost 64 times: every level
    /// compared the whole rest of the chain and copied its path).
    @Test func diffIsLinearInTheDepth() throws {
        let shallow = try Self.diffSeconds(depth: 120)
        let deep = try Self.diffSeconds(depth: 960)
        #expect(deep / max(shallow, 1e-4) < 24, "120 deep: \(shallow) s, 960 deep: \(deep) s")
    }
}
