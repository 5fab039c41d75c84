import Foundation
import JSONCore
import Testing

@testable import CCSLanguageServer

/// The pieces of `ccs lsp` below the protocol: the framing, the offset ↔ position map, and
/// what the text before a cursor says is being typed. Tests/python/test_lsp.py drives the
/// whole server with a real client.
@Suite struct LanguageServerPartsTests {
    /// A connection reading what `chunks` writes, one write per chunk.
    func connection(reading chunks: [String]) throws -> JSONRPCConnection {
        var fds: [Int32] = [0, 0]
        #expect(pipe(&fds) == 0)
        for chunk in chunks {
            let bytes = Array(chunk.utf8)
            _ = bytes.withUnsafeBytes { write(fds[1], $0.baseAddress, $0.count) }
        }
        close(fds[1])
        return JSONRPCConnection(input: fds[0], output: -1)
    }

    @Test func framesSplitAndJoinedAnyWayReadTheSame() throws {
        let first = #"{"jsonrpc":"2.0","id":1,"method":"initialize"}"#
        let second = #"{"jsonrpc":"2.0","method":"exit","params":{"é":"😀"}}"#
        let joined = "Content-Length: \(first.utf8.count)\r\nContent-Type: application/vscode-jsonrpc; charset=utf-8\r\n\r\n\(first)"
            + "content-length: \(second.utf8.count)\r\n\r\n\(second)"
        let together = try connection(reading: [joined])
        #expect(try together.read()?["id"] == .int(1))
        #expect(try together.read()?["params"]?["é"] == .string("😀"))
        #expect(try together.read() == nil)
        // The same bytes in three writes, cutting a header and a body.
        let split = try connection(reading: [String(joined.prefix(10)), String(joined.dropFirst(10).prefix(50)), String(joined.dropFirst(60))])
        #expect(try split.read()?["method"] == .string("initialize"))
        #expect(try split.read()?["method"] == .string("exit"))
    }

    @Test func aHeaderWithoutLengthAndABodyThatIsNotJSONAreErrors() throws {
        #expect(throws: JSONRPCFramingError.self) { try connection(reading: ["Content-Type: x\r\n\r\n{}"]).read() }
        #expect(throws: JSONRPCFramingError.self) { try connection(reading: ["Content-Length: 3\r\n\r\n{x}"]).read() }
        #expect(throws: JSONRPCFramingError.self) { try connection(reading: ["Content-Length: -4\r\n\r\n"]).read() }
        // A body cut short by the end of input is the end, not a message.
        #expect(try connection(reading: ["Content-Length: 40\r\n\r\n{}"]).read() == nil)
    }

    @Test func positionsAreUTF16AndRoundTrip() {
        let document = TextDocument(uri: "file:///t.ccs", text: "a\r\né😀x\nlast")
        let x = Array(document.bytes).firstIndex(of: UInt8(ascii: "x"))!
        #expect(position(document, x) == [1, 3])
        #expect(document.offset(line: 1, character: 3) == x)
        // Past the end of a line is its end (before "\r\n"); past the last line is the end.
        #expect(document.offset(line: 0, character: 99) == 1)
        #expect(document.offset(line: 9, character: 0) == document.bytes.count)
        #expect(document.offset(line: -1, character: -1) == 0)
        #expect(position(document, document.bytes.count) == [2, 4])
    }

    func position(_ document: TextDocument, _ offset: Int) -> [Int] {
        let at = document.position(ofOffset: offset)
        return [at.line, at.character]
    }

    func context(_ text: String, modules: Set<String> = []) -> CursorContext {
        CursorContext.at(text.utf8.count, in: TextDocument(uri: "file:///t.ccs", text: text), modules: modules)
    }

    @Test func whatIsBeingTyped() {
        #expect(context(#"get('AWS::S3::B"#) == .typeName(start: 5))
        #expect(context(#"print("AWS::S"#) == .typeName(start: 7))
        #expect(context(#"print("hello wor"#) == .none)
        #expect(context("let x = 1  # pri") == .none)
        #expect(context("table.te", modules: ["table"]) == .member(module: "table", start: 6))
        #expect(context("r.Na") == .none)
        #expect(context(#"create("AWS::SQS::Queue", {QueueName: "q", Tags: [{Key: "a"}], Del"#)
            == .propertyKey(type: "AWS::SQS::Queue", path: [], creating: true, start: 63))
        // A map in a list in the properties map: the list's items.
        #expect(context(#"create("AWS::SQS::Queue", {Tags: [{Ke"#)
            == .propertyKey(type: "AWS::SQS::Queue", path: ["Tags", "[]"], creating: true, start: 35))
        // A value, or a list's element, is not a key.
        #expect(context(#"create("AWS::SQS::Queue", {Tags: [Ke"#) == .name(start: 34))
        #expect(context(#"create("AWS::SQS::Queue", {QueueName: na"#) == .name(start: 38))
        #expect(context("let q = get(\"AWS::SQS::Queue\", u)\npatch(q, {Vis")
            == .propertyKey(type: "AWS::SQS::Queue", path: [], creating: false, start: 44))
        #expect(context("patch(unknown, {Vis") == .name(start: 16))
    }
}
