import JSONCore
import Testing

@testable import CCSLanguage

/// The interfaces other modules (CCSCloud, the REPL) build on: registering built-ins from
/// outside, host objects, and running code with `-e` semantics.
@Suite struct HostAPITests {
    final class Resource: HostObject {
        override var typeName: String { "resource" }
        override func field(_ name: String) throws -> Value? {
            switch name {
            case "id": return .string("grp-1")
            case "props": return .map(MapBox(["Name": .string("grp"), "Tags": .list(ListBox([.string("t")]))]))
            case "fail": throw ScriptError(code: "ResourceNotFoundException", message: "gone")
            default: return nil
            }
        }
        override func jsonValue() throws -> Value { .map(MapBox(["id": .string("grp-1")])) }
        override func queryRoot() throws -> Value { try field("props") ?? .null }
    }

    func run(_ code: String, registering extra: [Builtin]) -> ScriptHarness.Result {
        var out: [UInt8] = []
        var err = ""
        let host = ScriptHost(output: OutputSink { out += $0 })
        let runner = ScriptRunner(host: host) { err += $0 }
        for builtin in extra { runner.registry.register(builtin) }
        let status = runner.run(SourceFile(name: "host.ccs", directory: nil, bytes: Array(code.utf8)))
        return ScriptHarness.Result(stdout: String(decoding: out, as: UTF8.self), stderr: err, status: status)
    }

    @Test func builtinsRegisteredFromOutsideAreCallableAndTheirErrorsCatchable() {
        let get = Builtin("get", arity: 2, doc: "get(type, id): reads a resource.") { args, ctx in
            guard case .string(let id) = args[1] else { throw ctx.typeError("get", 2, expected: "string", got: args[1]) }
            if id == "missing" { throw ScriptError(code: "ResourceNotFoundException", message: "no \(id)") }
            return .object(Resource())
        }
        let result = run("""
            let g = get("AWS::Logs::LogGroup", "x")
            print(type(g), g.id, g.props.Name, g, g.`Name`, query(g, "$.Tags[0]"), g?.nope)
            try { get("T", "missing") } catch e { print(e.code, e.message, e.line, e.column) }
            try { g.fail } catch e { print(e.code, e.line) }
            try { get("T", 5) } catch e { print(e.message) }
            get("T")
            """, registering: [get])
        #expect(result.stdout == """
            resource grp-1 grp {"id":"grp-1"} grp ["t"] null
            ResourceNotFoundException no missing 3 7
            ResourceNotFoundException 4
            bad argument #2 to 'get' (string expected, got int)

            """)
        #expect(result.stderr.hasPrefix("host.ccs:6:1: error: get expects 2 arguments, got 1\n"))
        #expect(result.status == ExitStatus.runtimeError)
    }

    @Test func builtinsCanCallBackIntoScriptsAndProduceLazySequences() {
        let pages = Builtin("pages", arity: 1, doc: "pages(n): a lazy sequence.") { args, ctx in
            let n = try ctx.integer(args, 0, "pages")
            final class Counter: ValueIterator {
                var i = 0
                let n: Int
                init(_ n: Int) { self.n = n }
                func next() throws -> Value? {
                    guard i < n else { return nil }
                    i += 1
                    return .int(i)
                }
            }
            return .sequence(SequenceBox(name: "pages") { Counter(n) })
        }
        let twice = Builtin("twice", arity: 2, doc: "twice(f, x)") { args, ctx in
            try ctx.call(args[0], [try ctx.call(args[0], [args[1]])])
        }
        let result = run("""
            print(pages(3) | map(fn(x) => x * 10) | take(2) | count(), twice(fn(x) => x + 1, 1))
            """, registering: [pages, twice])
        #expect(result.stdout == "2 3\n")
    }

    @Test func evalPrintsTheLastValueUnlessNull() {
        #expect(ScriptHarness.run("1 + 1", printResult: true).stdout == "2\n")
        #expect(ScriptHarness.run("let x = 1\n\"text\"", printResult: true).stdout == "text\n")
        #expect(ScriptHarness.run("print(\"p\")", printResult: true).stdout == "p\n")
        #expect(ScriptHarness.run("[1, {a: null}]", printResult: true).stdout == "[1,{\"a\":null}]\n")
    }

    @Test func registryListsNamesAndDocs() {
        let runner = ScriptRunner(host: ScriptHost(output: OutputSink { _ in })) { _ in }
        let names = runner.registry.names
        for name in ["print", "len", "keys", "values", "type", "str", "num", "int", "json", "parse_json", "sort",
                     "map", "filter", "reduce", "take", "drop", "first", "count", "any", "all", "range", "zip",
                     "enumerate", "join", "split", "starts_with", "ends_with", "contains", "lower", "upper", "trim",
                     "replace", "format", "matches", "env", "now", "sleep", "read_file", "write_file", "exit",
                     "assert", "query", "query1", "args"] {
            #expect(names.contains(name), "missing built-in \(name)")
        }
        #expect(runner.registry.builtins.values.allSatisfy { $0.doc.hasPrefix($0.name + "(") })
    }
}

/// The one escaping function for text bound for a terminal (issue 16, F13).
@Suite struct TerminalTextTests {
    @Test func controlCharactersBecomeVisible() {
        #expect(TerminalText.escaped("a\u{1B}[31mb\u{07}\r\u{7F}") == #"a\x1b[31mb\x07\x0d\x7f"#)
        #expect(TerminalText.escaped("\u{9B}6n \u{202E}x\u{2066}") == #"\u{9b}6n \u{202e}x\u{2066}"#)
    }

    @Test func printableTextNewlinesAndTabsAreKept() {
        let text = "línea 1\n\tzwei — 三 🙂 \\x1b"
        #expect(TerminalText.escaped(text) == text)
    }
}
