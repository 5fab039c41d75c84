import OrderedCollections
import Testing

@testable import CCSLanguage

@Suite struct JSONCodecTests {
    func roundTrip(_ text: String) throws -> String {
        JSONCodec.encode(try JSONCodec.decode(text))
    }

    @Test(arguments: [
        #"{"a":1,"b":[true,null]}"#,
        #"[]"#, #"{}"#, #"[[],{}]"#,
        #""plain""#, #""é€😀 kept as UTF-8""#,
        #""quote \" backslash \\ newline \n tab \t cr \r bs \b ff \f nul \u0000 us \u001f""#,
        #"[0,-1,9007199254740993,9223372036854775807,-9223372036854775808]"#,
        #"[1.0,0.5,-2.5,1e+20,1e-05,0.1,123.456]"#,
        #"{"z":1,"a":2,"m":3}"#,
    ])
    func roundTripsExactly(_ text: String) throws {
        #expect(try roundTrip(text) == text)
    }

    @Test func integersAreExactAndLargeOnesBecomeDoubles() throws {
        guard case .int(let big) = try JSONCodec.decode("9007199254740993") else {
            Issue.record("expected an int")
            return
        }
        #expect(big == 9_007_199_254_740_993)
        guard case .int(let minimum) = try JSONCodec.decode("-9223372036854775808") else {
            Issue.record("expected Int.min as an int")
            return
        }
        #expect(minimum == Int.min)
        guard case .double(let huge) = try JSONCodec.decode("9223372036854775808") else {
            Issue.record("expected a double beyond Int.max")
            return
        }
        #expect(huge == 9_223_372_036_854_775_808.0)
        guard case .double(let one) = try JSONCodec.decode("1.0") else {
            Issue.record("expected 1.0 to stay a double")
            return
        }
        #expect(one == 1.0)
        guard case .int(let zero) = try JSONCodec.decode("-0") else {
            Issue.record("expected -0 as int 0")
            return
        }
        #expect(zero == 0)
    }

    @Test func escapesDecode() throws {
        let value = try JSONCodec.decode(#""\u00e9\ud83d\ude00\/\n""#)
        guard case .string(let text) = value else {
            Issue.record("expected a string")
            return
        }
        #expect(text == "é😀/\n")
    }

    @Test func keyOrderIsKeptAndLastDuplicateWins() throws {
        guard case .map(let box) = try JSONCodec.decode(#"{"b":1,"a":2,"b":3}"#) else {
            Issue.record("expected a map")
            return
        }
        #expect(Array(box.entries.keys) == ["b", "a"])
        #expect(JSONCodec.encode(.map(box)) == #"{"b":3,"a":2}"#)
    }

    @Test(arguments: [
        ("[1,2", 1, 5, "']' expected (to close '[' at 1:1), found end of input"),
        ("{\"a\" 1}", 1, 6, "expected ':' after an object key, found '1'"),
        ("[1,\n  2,\n  ]", 3, 3, "expected a JSON value, found ']'"),
        ("[01]", 1, 2, "leading zeros are not allowed in numbers"),
        ("\"é\u{01}\"", 1, 3, "control character U+0001 must be escaped in a string"),
        ("[tru]", 1, 2, "invalid literal, expected 'true'"),
        ("{} x", 1, 4, "unexpected 'x' after the JSON value"),
        ("", 1, 1, "expected a JSON value, found end of input"),
        (#"["\ud800"]"#, 1, 3, #"lone high surrogate \uD800 (a low surrogate must follow)"#),
        ("1e400", 1, 1, "number 1e400 is out of range"),
    ])
    func errorsNameTheProblemAndPosition(_ text: String, _ line: Int, _ column: Int, _ message: String) {
        #expect(
            throws: JSONSyntaxError(
                message: message, line: line, column: column, offset: errorOffset(text, line, column))
        ) {
            try JSONCodec.decode(text)
        }
    }

    /// The byte offset of a 1-based line and column (columns counted in scalars).
    func errorOffset(_ text: String, _ line: Int, _ column: Int) -> Int {
        var currentLine = 1
        var currentColumn = 1
        var offset = 0
        for scalar in text.unicodeScalars {
            if currentLine == line && currentColumn == column { return offset }
            if scalar == "\n" {
                currentLine += 1
                currentColumn = 1
            } else {
                currentColumn += 1
            }
            offset += String(scalar).utf8.count
        }
        return offset
    }

    @Test func invalidUTF8IsRejected() {
        let bytes: [UInt8] = [0x22, 0xC3, 0x28, 0x22]
        #expect(throws: JSONSyntaxError(message: "invalid UTF-8 sequence", line: 1, column: 2, offset: 1)) {
            try JSONCodec.decode(bytes)
        }
    }

    @Test func deepNestingIsAnErrorNotACrash() throws {
        let deep = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        #expect(throws: JSONSyntaxError.self) { try JSONCodec.decode(deep) }
        let allowed =
            String(repeating: "[", count: JSONCodec.maxDepth)
            + String(repeating: "]", count: JSONCodec.maxDepth)
        #expect(JSONCodec.encode(try JSONCodec.decode(allowed)) == allowed)
        let tooDeep = "[" + allowed + "]"
        #expect(
            throws: JSONSyntaxError(
                message: "nesting deeper than 1000 levels", line: 1, column: 1001, offset: 1000)
        ) {
            try JSONCodec.decode(tooDeep)
        }
    }

    @Test func nonJSONValuesEncodeAsDocumented() {
        let cyclic = ListBox([.int(1)])
        cyclic.items.append(.list(cyclic))
        var nested = Value.list(cyclic)
        for _ in 0..<100 { nested = .list(ListBox([nested])) }
        #expect(JSONCodec.encode(nested).contains(#""<cycle>""#))
        let value = Value.list(
            ListBox([
                .function(
                    FunctionBox(builtin: Builtin("f", arity: 0, doc: "f(): returns null.") { _, _ in .null })),
                .double(.nan), .double(.infinity),
            ]))
        #expect(JSONCodec.encode(value) == #"["<fn f>",null,null]"#)
    }

    @Test func prettyUsesTwoSpaces() throws {
        let value = try JSONCodec.decode(#"{"a":[1,{"b":null}],"c":{},"d":[]}"#)
        let expected = """
            {
              "a": [
                1,
                {
                  "b": null
                }
              ],
              "c": {},
              "d": []
            }
            """
        #expect(JSONCodec.encode(value, pretty: true) == expected)
    }
}
