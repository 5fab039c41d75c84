import CCSLanguage
import Foundation
import Testing

@testable import CCSRepl

struct ValuePrinterTests {
    let plain = TerminalStyle(enabled: false)

    @Test func mapsAndListsAsIndentedJSON() throws {
        let value = try JSONCodec.decode(#"{"a": [1, "x", null], "b": {}}"#)
        let text = try ValuePrinter(style: plain, maxItems: 20).render(value).text
        #expect(text == "{\n  \"a\": [\n    1,\n    \"x\",\n    null\n  ],\n  \"b\": {}\n}\n")
    }

    @Test func longListsAreCutWithACount() throws {
        let value = Value.list(ListBox((0..<30).map { .int($0) }))
        let text = try ValuePrinter(style: plain, maxItems: 3).render(value).text
        #expect(text == "[\n  0,\n  1,\n  2,\n  ... 27 more (30 items; :all shows everything)\n]\n")
        let all = try ValuePrinter(style: plain, maxItems: nil).render(value).text
        #expect(all.split(separator: "\n").count == 32)
    }

    @Test func colourOnlyOnATerminalWithoutNoColor() {
        #expect(TerminalStyle.detect(isTerminal: true, environment: ["TERM": "xterm"]).enabled)
        #expect(
            !TerminalStyle.detect(isTerminal: true, environment: ["TERM": "xterm", "NO_COLOR": "1"]).enabled)
        #expect(
            TerminalStyle.detect(isTerminal: true, environment: ["TERM": "xterm", "NO_COLOR": ""]).enabled)
        #expect(!TerminalStyle.detect(isTerminal: false, environment: ["TERM": "xterm"]).enabled)
        #expect(!TerminalStyle.detect(isTerminal: true, environment: ["TERM": "dumb"]).enabled)
    }
}

struct HistoryFileTests {
    @Test func pathFollowsXDGStateHome() {
        #expect(
            HistoryFile.defaultPath(environment: ["XDG_STATE_HOME": "/s", "HOME": "/h"]) == "/s/ccs/history")
        #expect(
            HistoryFile.defaultPath(environment: ["XDG_STATE_HOME": "relative", "HOME": "/h"])
                == "/h/.local/state/ccs/history")
        #expect(HistoryFile.defaultPath(environment: ["HOME": "/h"]) == "/h/.local/state/ccs/history")
        #expect(HistoryFile.defaultPath(environment: [:]) == nil)
    }

    @Test func linesStartingWithASpaceAreNotRecorded() {
        #expect(HistoryFile.shouldRecord("let key = \"secret\""))
        #expect(!HistoryFile.shouldRecord(" let key = \"secret\""))
        #expect(!HistoryFile.shouldRecord("   "))
    }

    @Test func appendCreatesAPrivateFileAndLoadKeepsTheNewest() throws {
        let folder = NSTemporaryDirectory() + "ccs-history-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let history = HistoryFile(path: folder + "/ccs/history", limit: 3)
        for i in 0..<7 { #expect(history.append("line \(i)") == nil) }
        let attributes = try FileManager.default.attributesOfItem(atPath: history.path)
        #expect((attributes[.posixPermissions] as? Int) == 0o600)
        #expect(history.load() == ["line 4", "line 5", "line 6"])
        // Over twice the limit, loading cut the file back to the limit.
        let text = try String(contentsOfFile: history.path, encoding: .utf8)
        #expect(text == "line 4\nline 5\nline 6\n")
    }
}

struct MetaCommandTests {
    @Test(arguments: [
        (":help", MetaCommand.help(nil)), (":help upper", .help("upper")), (":types", .types(nil)),
        (":types AWS::S3", .types("AWS::S3")), (":schema AWS::S3::Bucket", .schema("AWS::S3::Bucket")),
        (":load a.ccs", .load("a.ccs")), (":save  out.ccs ", .save("out.ccs")),
        (":time 1 + 2", .time("1 + 2")),
        (":env", .env), (":all", .all), (":quit", .quit), (":q", .quit),
    ])
    func parses(line: String, command: MetaCommand) throws {
        #expect(try MetaCommand.parse(line) == command)
    }

    @Test func errorsNameTheProblem() {
        let unknown = #expect(throws: MetaCommandError.self) { try MetaCommand.parse(":frobnicate") }
        #expect(unknown?.message == "unknown command ':frobnicate' (:help lists the commands)")
        let missing = #expect(throws: MetaCommandError.self) { try MetaCommand.parse(":schema") }
        #expect(missing?.message.hasPrefix(":schema needs a type name") == true)
    }
}
