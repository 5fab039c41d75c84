import Foundation
import Testing

@testable import CCSLanguage

/// No input crashes the process: deep recursion, deep nesting, huge scripts, invalid bytes.
@Suite struct RobustnessTests {
    @Test func aMillionRequestedFramesIsACatchableStackOverflow() {
        let result = ScriptHarness.run("""
            fn down(n) {
              if n == 0 { return 0 }
              return 1 + down(n - 1)
            }
            try { down(1000000) } catch e { print(e.code, e.message) }
            print(down(1000))
            """)
        #expect(result.stdout == "StackOverflow stack overflow (more than 20000 nested calls)\n1000\n")
        #expect(result.status == 0)
    }

    @Test func deepRecursionThroughBuiltinCallbacksIsCaughtToo() {
        let result = ScriptHarness.run("""
            fn again(n) => map([n], fn(x) => again(x + 1))
            try { again(0) } catch e { print(e.code) }
            """)
        #expect(result.stdout == "StackOverflow\n")
    }

    @Test(arguments: [("[", "]"), ("{a:", "}"), ("(", ")"), ("-", "1"), ("f(", ")"), ("not ", "true")])
    func aHundredThousandNestedLevelsIsASyntaxError(open: String, close: String) {
        let depth = 100_000
        let code = "let x = " + String(repeating: open, count: depth) + "1" + String(repeating: close, count: depth)
        let result = ScriptHarness.run(Array(code.utf8))
        #expect(result.status == ExitStatus.syntaxError)
        #expect(result.stderr.contains("too many nested levels (limit is 1000)"))
    }

    @Test func aHundredThousandTermChainIsAnErrorNotACrash() {
        let code = "let x = " + Array(repeating: "1", count: 100_000).joined(separator: " + ")
        let result = ScriptHarness.run(Array(code.utf8))
        #expect(result.status == ExitStatus.syntaxError)
        #expect(result.stderr.contains("too many nested levels"))
    }

    @Test func deeplyNestedDataBuiltAtRunTimeIsFine() {
        let result = ScriptHarness.run("""
            let x = []
            for i in range(100000) { x = [x] }
            print(len(x), x == x, str(x).ends_with("]"))
            try { json(x) } catch e { print(e.code) }
            """)
        // Shown, the depth is cut with a marker; as data it is an error (issue 16, F9).
        #expect(result.stdout == "1 true true\nValueError\n")
        #expect(result.status == 0)
    }

    @Test func invalidUTF8IsAnErrorWithItsLocation() {
        let result = ScriptHarness.run(Array("let a = 1\nlet s = \"".utf8) + [0xC3, 0x28] + Array("\"\n".utf8))
        #expect(result.status == ExitStatus.syntaxError)
        #expect(result.stderr.hasPrefix("test.ccs:2:10: error: invalid UTF-8 sequence\n"))
    }

    @Test(arguments: [[0xFF], [0xC0, 0x80], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xE2, 0x82]] as [[UInt8]])
    func everyKindOfBadUTF8IsRejected(_ bad: [UInt8]) {
        let result = ScriptHarness.run(Array("# ".utf8) + bad)
        #expect(result.status == ExitStatus.syntaxError)
        #expect(result.stderr.contains("test.ccs:1:3: error:"))
    }

    @Test func aNulByteIsAnError() {
        let result = ScriptHarness.run(Array("print(1)\n".utf8) + [0] + Array("\n".utf8))
        #expect(result.status == ExitStatus.syntaxError)
        #expect(result.stderr.hasPrefix("test.ccs:2:1: error: NUL byte in source\n"))
        #expect(result.stdout.isEmpty)
    }

    @Test func aHundredMegabyteScriptIsACleanError() {
        var bytes = [UInt8]()
        bytes.reserveCapacity(100 << 20)
        let line = Array("let x = \"0123456789012345678901234567890123456789\"\n".utf8)
        while bytes.count < 100 << 20 { bytes += line }
        let result = ScriptHarness.run(bytes)
        #expect(result.status == ExitStatus.syntaxError)
        #expect(result.stderr.hasPrefix("test.ccs:1:1: error: script too large ("))
    }

    @Test func aFourMegabyteScriptRuns() {
        var code = "let total = 0\n"
        let line = "total += 1\n"
        code += String(repeating: line, count: (4 << 20) / line.utf8.count)
        code += "print(total)\n"
        let result = ScriptHarness.run(Array(code.utf8))
        #expect(result.status == 0)
        #expect(result.stdout == "\((4 << 20) / line.utf8.count)\n")
    }

    @Test func aHugeOneLineScriptQuotesOnlyAWindowOfTheLine() {
        let code = "let a = [" + String(repeating: "1, ", count: 200_000) + "]]"
        let result = ScriptHarness.run(Array(code.utf8))
        #expect(result.status == ExitStatus.syntaxError)
        let lines = result.stderr.split(separator: "\n")
        #expect(lines.count == 3)
        #expect(lines.allSatisfy { $0.utf8.count < 300 })
    }
}
