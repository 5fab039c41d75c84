import JSONCore
import CCSLanguage
import Foundation
import Testing

@testable import CCSRepl

struct TerminalTextTests {
    @Test func controlCharactersAreWrittenVisibly() {
        let hostile = "\u{1B}[2J\u{1B}[31mPWNED\u{1B}]0;title\u{07}"
        #expect(TerminalText.escaped(hostile) == #"\x1b[2J\x1b[31mPWNED\x1b]0;title\x07"#)
        #expect(TerminalText.escaped("a\u{9B}b\u{7F}\u{202E}c") == #"a\u{9b}b\x7f\u{202e}c"#)
        #expect(TerminalText.escaped("tab\tand\nline") == "tab\tand\nline")
        #expect(TerminalText.escaped("tab\tand\nline", keepingLayout: false) == #"tab\x09and\x0aline"#)
        #expect(TerminalText.escaped("héllo ✓ \\x1b") == "héllo ✓ \\x1b")
        let once = TerminalText.escaped(hostile)
        #expect(TerminalText.escaped(once) == once)
    }
}

struct CompactPrintingTests {
    let plain = TerminalStyle(enabled: false)

    @Test func aProgressEventTakesOneLineAndAllShowsItsResourceModelDecoded() throws {
        let event = try JSONCodec.decode(
            #"{"TypeName": "AWS::Logs::LogGroup", "Identifier": "g", "RequestToken": "t-1", "Operation": "CREATE", "OperationStatus": "SUCCESS", "ResourceModel": "{\"LogGroupName\":\"g\"}"}"#
        )
        let line = try ValuePrinter(style: plain, maxItems: 20, compact: true, width: 120).render(event).text
        #expect(line == "event  CREATE  AWS::Logs::LogGroup  g  SUCCESS  token t-1  (:all)\n")
        let full = try ValuePrinter(style: plain, maxItems: nil).render(event).text
        #expect(full.contains("\"ResourceModel\": {\n    \"LogGroupName\": \"g\"\n  }"))
    }

    @Test func aLongLineIsCutToTheWidthKeepingTheHint() throws {
        let event = try JSONCodec.decode(
            #"{"TypeName": "AWS::Logs::LogGroup", "Operation": "UPDATE", "OperationStatus": "FAILED", "StatusMessage": "\#(String(repeating: "x", count: 200))"}"#
        )
        let line = try ValuePrinter(style: plain, maxItems: 20, compact: true, width: 60).render(event).text
        #expect(line.count <= 61)
        #expect(line.hasSuffix("…  (:all)\n"))
    }

    @Test func aListOfEventsTakesOneLinePerEvent() throws {
        let events = try JSONCodec.decode(
            #"[{"TypeName": "T::A::B", "Identifier": "a", "Operation": "DELETE", "OperationStatus": "SUCCESS"}, {"TypeName": "T::A::B", "Identifier": "b", "Operation": "DELETE", "OperationStatus": "FAILED", "ErrorCode": "NotFound"}]"#
        )
        let text = try ValuePrinter(style: plain, maxItems: 20, compact: true, width: 80).render(events).text
        #expect(
            text == """
                [0] event  DELETE  T::A::B  a  SUCCESS
                [1] event  DELETE  T::A::B  b  FAILED  NotFound
                2 items; _[i] shows one, :all shows them in full

                """)
        let mixed = Value.list(ListBox([events, .int(1)]))
        #expect(try ValuePrinter(style: plain, maxItems: 20, compact: true).render(mixed).text.hasPrefix("[\n"))
    }

    @Test func otherValuesKeepTheirFullForm() throws {
        let value = try JSONCodec.decode(#"{"OperationStatus": "x"}"#)
        let text = try ValuePrinter(style: plain, maxItems: 20, compact: true, width: 80).render(value).text
        #expect(text == "{\n  \"OperationStatus\": \"x\"\n}\n")
    }

    @Test func untrustedTextInValuesIsEscaped() throws {
        let value = Value.map(MapBox(["k\u{9B}": .string("\u{1B}[31m")]))
        let text = try ValuePrinter(style: plain, maxItems: 20).render(value).text
        #expect(text == "{\n  \"k\\u{9b}\": \"\\u001b[31m\"\n}\n")
    }
}

struct PagerTests {
    @Test func textIsTallerWhenItsWrappedRowsFillTheTerminal() {
        #expect(!Pager.isTaller("a\nb\n", rows: 3, columns: 80))
        #expect(Pager.isTaller("a\nb\nc\n", rows: 3, columns: 80))
        #expect(Pager.isTaller(String(repeating: "x", count: 200) + "\n", rows: 3, columns: 80))
        #expect(!Pager.isTaller("\u{1B}[34m" + String(repeating: "x", count: 80) + "\u{1B}[0m\n", rows: 2, columns: 80))
    }

    @Test func pagerCommandFollowsPAGER() {
        #expect(Pager(environment: [:]).command == "less -R")
        #expect(Pager(environment: ["PAGER": "most"]).command == "most")
        #expect(Pager(environment: ["PAGER": ""]).command == nil)
        #expect(Pager(environment: ["PAGER": "cat"]).command == nil)
    }
}

struct MultiLineHistoryTests {
    @Test func aMultiLineEntryIsOneLineOfTheFileAndReadsBack() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("ccs-history-\(getpid())-\(UInt32.random(in: 0...UInt32.max))")
        defer { try? FileManager.default.removeItem(at: folder) }
        let history = HistoryFile(path: folder.appendingPathComponent("history").path, limit: 10)
        #expect(history.append("fn f() {\n  return \"a\\nb\"\n}") == nil)
        #expect(history.append("1 + 1") == nil)
        let text = try String(contentsOfFile: history.path, encoding: .utf8)
        #expect(text == "#ccs-lines \"fn f() {\\n  return \\\"a\\\\nb\\\"\\n}\"\n1 + 1\n")
        #expect(history.load() == ["fn f() {\n  return \"a\\nb\"\n}", "1 + 1"])
        #expect(HistoryFile.decode("#ccs-lines not json") == "#ccs-lines not json")
    }
}

struct ReplHintTests {
    @Test func aMapAtStatementStartIsRecognised() {
        #expect(Repl.looksLikeMapAtStatementStart("{a: 1}"))
        #expect(Repl.looksLikeMapAtStatementStart("{\"a b\": 1, c: 2}"))
        #expect(!Repl.looksLikeMapAtStatementStart("{ print(1) }"))
        #expect(!Repl.looksLikeMapAtStatementStart("let m = {a: 1}"))
    }
}

struct ModuleHelpTests {
    @Test func moduleHelpReadsTheLeadingCommentAndFunctionComments() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("ccs-modules-\(getpid())-\(UInt32.random(in: 0...UInt32.max))")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let module = """
            # demo — what it is for.
            #   import "demo"

            # Doubles n.
            # Twice as much.
            fn twice(n) => n * 2

            fn _internal() => 1
            """
        try module.write(to: folder.appendingPathComponent("demo.ccs"), atomically: true, encoding: .utf8)
        let help = ModuleHelp(folders: [folder.path])
        #expect(help.moduleNames == ["demo"])
        #expect(
            help.help("demo")
                == "demo — what it is for.\n  import \"demo\"\n\nfunctions (:help demo.NAME for one):\n  twice(n)  Doubles n.")
        #expect(help.help("demo.twice") == "demo.twice(n)\nDoubles n.\nTwice as much.")
        #expect(help.help("demo.nope") == nil)
        #expect(help.help("nope") == nil)
        #expect(help.help("../etc") == nil)
    }
}
