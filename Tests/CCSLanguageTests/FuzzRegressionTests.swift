import Testing

@testable import CCSLanguage

/// Inputs that crashed the front end under fuzzing (docs/FUZZING.md, FuzzCCSSource), fed
/// through the same entry point as `ccs FILE`: each must now give a diagnostic.
@Suite struct FuzzRegressionTests {
    /// `"${"${"${...` a million levels deep: string holes are lexed recursively, and this
    /// overflowed the interpreter's 1 GiB stack before the lexer bounded their nesting.
    @Test func aMillionNestedStringInterpolationsIsASyntaxError() {
        let code = "let x = \"" + String(repeating: "${\"", count: 1_000_000)
        let result = ScriptHarness.run(Array(code.utf8))
        #expect(result.status == ExitStatus.syntaxError)
        // The parser's own nesting bound reports first; the lexer's stops the scan right after.
        #expect(result.stderr.hasPrefix("test.ccs:1:3009: error: too many nested levels (limit is 1000) near string\n"))
        #expect(result.stderr.contains("test.ccs:1:3010: error: string interpolation nested too deeply (limit is 1000)\n"))
    }

    /// Moderate nesting is untouched by the bound.
    @Test func interpolationsNestedAHundredDeepStillRun() {
        let depth = 100
        let code = "let x = " + String(repeating: "\"${", count: depth) + "1" + String(repeating: "}\"", count: depth)
            + "\nprint(x)"
        let result = ScriptHarness.run(Array(code.utf8))
        #expect(result.stderr == "")
        #expect(result.stdout == "1\n")
    }
}
