import Foundation
import Testing

@testable import CCSLanguage

/// Unwinding an error costs time in proportion to the frames it leaves (issue 16, F15): each
/// frame used to copy the whole trace gathered so far, so 19,000 frames cost 2.3 s.
@Suite struct UnwindCostTests {
    /// The fastest of three runs of a script that raises an error `depth` calls deep and
    /// catches it at the top.
    static func unwindSeconds(depth: Int) -> Double {
        let code = """
            fn down(n) {
              if n == 0 { throw "bottom" }
              return down(n - 1)
            }
            try { down(\(depth)) } catch e { print(len(e.stack)) }
            """
        var best = Double.infinity
        for _ in 0..<3 {
            let start = DispatchTime.now().uptimeNanoseconds
            let result = ScriptHarness.run(code)
            let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
            #expect(result.stdout == "\(depth + 1)\n")
            best = min(best, seconds)
        }
        return best
    }

    /// Eight times the depth: linear unwinding takes about eight times as long, quadratic
    /// unwinding 64 times. The bound leaves room for a loaded machine.
    @Test func unwindingIsLinearInTheDepth() {
        let shallow = Self.unwindSeconds(depth: 2_000)
        let deep = Self.unwindSeconds(depth: 16_000)
        #expect(deep / max(shallow, 1e-4) < 24, "2,000 frames: \(shallow) s, 16,000 frames: \(deep) s")
    }

    /// Copies of an error keep their own traces although the frames are shared while it
    /// unwinds.
    @Test func copiesOfAnErrorKeepTheirOwnTraces() {
        let entry = { (name: String) in
            TraceEntry(function: name, file: "f", location: SourceLocation(line: 1, column: 1, offset: 0))
        }
        var first = ScriptError(code: "E", message: "m")
        first.appendTrace(entry("a"))
        var second = first
        first.appendTrace(entry("b"))
        second.appendTrace(entry("c"))
        #expect(first.trace.map(\.function) == ["a", "b"])
        #expect(second.trace.map(\.function) == ["a", "c"])
        first.trace = []
        #expect(first.trace.isEmpty)
        #expect(second.trace.count == 2)
    }
}
