import Foundation
import Testing

@testable import CCSLanguage

/// The REPL's evaluation API: inputs share one top-level scope; the parser decides whether
/// input is unfinished; an `Interruption` stops loops, calls and `sleep`.
struct SessionTests {
    final class Output {
        var text = ""
    }

    func makeSession(_ output: Output = Output()) -> Session {
        let host = ScriptHost(output: OutputSink { output.text += String(decoding: $0, as: UTF8.self) })
        let registry = BuiltinRegistry()
        StandardLibrary.register(into: registry, host: host)
        return Session(interpreter: Interpreter(registry: registry, host: host))
    }

    func evaluate(_ session: Session, _ text: String) throws -> Value? {
        try session.evaluate(SourceFile(name: "<repl>", directory: nil, bytes: Array(text.utf8)))
    }

    @Test func bindingsAndFunctionsPersistBetweenInputs() throws {
        let session = makeSession()
        #expect(try evaluate(session, "let x = 20") == nil)
        _ = try evaluate(session, "fn twice(n) { return n * 2 }")
        _ = try evaluate(session, "let x = x + 1")
        let value = try #require(try evaluate(session, "twice(x)"))
        #expect(JSONCodec.encode(value) == "42")
        #expect(session.names == ["twice", "x"])
    }

    @Test func closuresSeeLaterRebindings() throws {
        let session = makeSession()
        _ = try evaluate(session, "let base = 1")
        _ = try evaluate(session, "fn add(n) { return n + base }")
        _ = try evaluate(session, "let base = 100")
        let value = try #require(try evaluate(session, "add(1)"))
        #expect(JSONCodec.encode(value) == "101")
    }

    @Test func anInputThatDoesNotCompileDeclaresNothing() throws {
        let session = makeSession()
        #expect(throws: CompileErrors.self) { try evaluate(session, "let y = nowhere") }
        #expect(session.names.isEmpty)
        let failure = #expect(throws: CompileErrors.self) { try evaluate(session, "y") }
        #expect(failure?.errors.first?.message == "undefined variable 'y'")
    }

    @Test func aRuntimeErrorKeepsWhatRanBefore() throws {
        let session = makeSession()
        let failure = #expect(throws: ScriptError.self) { try evaluate(session, "let a = 1\nlet b = 1 / 0") }
        #expect(failure?.code == ErrorCode.divisionByZero)
        #expect(session.value(of: "a").map { JSONCodec.encode($0) } == "1")
    }

    @Test func bindMakesANameVisibleToLaterInputs() throws {
        let session = makeSession()
        session.bind("_", to: .int(7))
        let value = try #require(try evaluate(session, "_ * 6"))
        #expect(JSONCodec.encode(value) == "42")
    }

    @Test func onlyAnExpressionStatementGivesAValue() throws {
        let session = makeSession()
        #expect(try evaluate(session, "let z = 1") == nil)
        #expect(try evaluate(session, "if true { 1 }") == nil)
        #expect(try evaluate(session, "z").map { JSONCodec.encode($0) } == "1")
    }

    @Test(arguments: [
        ("let x = [1,", true), ("fn f(n) {", true), ("1 +", true), ("let x =", true),
        ("f(1,\n  2", true), ("let m = {a: 1,\n b: {", true), ("\"sum ${1 +", true), ("x |", true),
        ("let t = \"\"\"\nfirst line", true), ("let t = \"\"\"\nclosed\"\"\"", false), ("let x = [1, 2]", false), ("fn f(n) {\n  return n\n}", false), ("1 + 2", false),
        ("\"unclosed", false), ("let = 3", false), (")", false), ("", false), ("# comment", false),
    ])
    func parserDecidesWhetherInputIsUnfinished(text: String, unfinished: Bool) {
        #expect(InputCompleteness.isIncomplete(text) == unfinished)
    }

    @Test func anInterruptionStopsABusyLoopAndTryCannotCatchIt() throws {
        let session = makeSession()
        let interruption = Interruption()
        session.interpreter.interruption = interruption
        _ = try evaluate(session, "let n = 0")
        interruption.request()
        #expect(throws: ScriptInterrupted.self) {
            try evaluate(session, "try { while true { n += 1 } } catch e { n = -1 }")
        }
        interruption.reset()
        #expect(try evaluate(session, "n >= 0").map { JSONCodec.encode($0) } == "true")
    }

    @Test func anInterruptionStopsABuiltinWalkingASequence() throws {
        let session = makeSession()
        let interruption = Interruption()
        session.interpreter.interruption = interruption
        interruption.request()
        #expect(throws: ScriptInterrupted.self) { try evaluate(session, "count(range(1000000000000))") }
        interruption.reset()
        #expect(try evaluate(session, "count(range(5))").map { JSONCodec.encode($0) } == "5")
    }

    @Test func anInterruptionWakesSleep() throws {
        let session = makeSession()
        let interruption = Interruption()
        session.interpreter.interruption = interruption
        DispatchQueue.global().asyncAfter(deadline: .now() + 0.2) { interruption.request() }
        let start = Date()
        #expect(throws: ScriptInterrupted.self) { try evaluate(session, "sleep(30)") }
        #expect(Date().timeIntervalSince(start) < 10)
    }
}
