import JSONCore
import Testing

@Suite struct JSONValueTests {
    @Test func integersStayExactAndDoublesStayDoubles() throws {
        #expect(try JSONParser.parse("9007199254740993") == .int(9_007_199_254_740_993))
        #expect(try JSONParser.parse("1.5") == .double(1.5))
        if case .double = try JSONParser.parse("1e2") {} else { Issue.record("1e2 should be a double") }
        if case .double = try JSONParser.parse("123456789012345678901234567890") {
        } else {
            Issue.record("an integer beyond Int should become a double")
        }
        #expect(JSONWriter().string(try JSONParser.parse("-0")) == "-0.0")
    }

    @Test func numericDeepEquality() throws {
        #expect(JSONValue.int(1) == .double(1.0))
        #expect(JSONValue.int(1) != .double(1.5))
        #expect(
            try JSONParser.parse(#"{"a":[1,{"b":2}],"c":null}"#)
                == JSONParser.parse(#"{"c":null,"a":[1.0,{"b":2e0}]}"#))
        #expect(try JSONParser.parse("[1,2]") != JSONParser.parse("[2,1]"))
        var set = Set<JSONValue>()
        set.insert(.int(3))
        set.insert(.double(3.0))
        #expect(set.count == 1)
    }

    @Test func objectsKeepInsertionOrder() throws {
        let text = #"{"z":1,"a":2,"m":{"y":true,"b":false}}"#
        #expect(JSONWriter().string(try JSONParser.parse(text)) == text)
        #expect(
            JSONWriter(sortKeys: true).string(try JSONParser.parse(text))
                == #"{"a":2,"m":{"b":false,"y":true},"z":1}"#)
    }

    @Test func prettyOutput() throws {
        let value = try JSONParser.parse(#"{"a":[1,"x"],"b":{},"c":[]}"#)
        let expected = """
            {
              "a": [
                1,
                "x"
              ],
              "b": {},
              "c": []
            }
            """
        #expect(JSONWriter(style: .pretty).string(value) == expected)
    }

    @Test func indentedOutputTakesTheWidthPerLevel() throws {
        let value = try JSONParser.parse(#"{"a":[1,{"b":null}],"c":{}}"#)
        let expected = """
            {
                "a": [
                    1,
                    {
                        "b": null
                    }
                ],
                "c": {}
            }
            """
        #expect(JSONWriter(style: .indented(spaces: 4)).string(value) == expected)
    }

    @Test func stringEscapes() throws {
        let value = try JSONParser.parse(#""a\"b\\c\/d\n\u0001\u00e9\ud83d\ude00""#)
        #expect(value == .string("a\"b\\c/d\n\u{01}é😀"))
        #expect(JSONWriter().string(value) == #""a\"b\\c/d\n\u0001é😀""#)
    }

    @Test func errorsNameLineAndColumn() {
        let error = #expect(throws: JSONParseError.self) { try JSONParser.parse("{\n  \"a\": [1,]\n}") }
        #expect(error?.line == 2)
        #expect(error?.column == 11)
        #expect(error?.message == "unexpected ']', expected a value")
    }

    /// JSONValue's wording and positions, kept when the parser became shared with the language
    /// (which words the same issues differently, and reports some at other offsets).
    @Test(arguments: [
        ("[01]", 1, 3, 2, "leading zeros are not allowed in numbers"),
        ("-", 1, 2, 1, "expected a digit in number"),
        ("\"\\", 1, 3, 2, "unterminated escape"),
        ("\"\\u12", 1, 4, 3, "incomplete \\u escape"),
        ("\"\\u12g4\"", 1, 6, 5, "invalid hex digit 'g' in \\u escape"),
        ("\"\\x\"", 1, 2, 1, "invalid escape '\\x'"),
        ("\"a\u{01}\"", 1, 3, 2, "control character byte 0x1 must be escaped in strings"),
        ("[1 2]", 1, 4, 3, "expected ',' or ']' in array"),
        ("{1:2}", 1, 2, 1, "expected a member name string"),
        ("{\"a\" 1}", 1, 6, 5, "expected ':' after member name"),
        ("{} x", 1, 4, 3, "unexpected 'x' after the document"),
        ("\"abc", 1, 5, 4, "unterminated string"),
        ("1e400", 1, 1, 0, "number out of range: 1e400"),
        ("[1,", 1, 4, 3, "unexpected end of input, expected a value"),
    ])
    func errorWordingAndOffsets(_ text: String, _ line: Int, _ column: Int, _ offset: Int, _ message: String) {
        #expect(throws: JSONParseError(message: message, offset: offset, line: line, column: column)) {
            try JSONParser.parse(text)
        }
    }

    @Test func loneSurrogatesBecomeReplacementCharacters() throws {
        #expect(try JSONParser.parse(#""\ud800\u0041""#) == .string("\u{FFFD}A"))
        #expect(try JSONParser.parse(#""\udc00""#) == .string("\u{FFFD}"))
        #expect(try JSONParser.parse(#""\ud800""#) == .string("\u{FFFD}"))
    }

    @Test func depthLimit() {
        let deep = String(repeating: "[", count: 600) + String(repeating: "]", count: 600)
        let error = #expect(throws: JSONParseError.self) { try JSONParser.parse(deep) }
        #expect(error?.message == "nesting deeper than 512 levels")
        #expect((try? JSONParser.parse(deep, maxDepth: 1000)) != nil)
    }
}

@Suite struct JSONPointerTests {
    // RFC 6901 §5 examples.
    static let doc: JSONValue = [
        "foo": ["bar", "baz"], "": 0, "a/b": 1, "c%d": 2, "e^f": 3, "g|h": 4, "i\\j": 5, "k\"l": 6, " ": 7,
        "m~n": 8,
    ]

    @Test(
        arguments: [
            ("", nil), ("/foo", nil), ("/foo/0", "bar"), ("/", 0), ("/a~1b", 1), ("/c%d", 2), ("/e^f", 3),
            ("/g|h", 4),
            ("/i\\j", 5), ("/k\"l", 6), ("/ ", 7), ("/m~0n", 8),
        ] as [(String, JSONValue?)])
    func rfcExamples(_ pointer: String, _ expected: JSONValue?) throws {
        let p = try JSONPointer(pointer)
        #expect(p.description == pointer)
        let resolved = p.resolve(in: Self.doc)
        switch pointer {
        case "": #expect(resolved == Self.doc)
        case "/foo": #expect(resolved == ["bar", "baz"])
        default: #expect(resolved == expected)
        }
    }

    @Test func invalidPointers() {
        #expect(throws: JSONPointerError.self) { try JSONPointer("foo") }
        #expect(throws: JSONPointerError.self) { try JSONPointer("/a~2") }
        #expect(JSONPointer.arrayIndex("01") == nil)
        #expect(JSONPointer.arrayIndex("-") == nil)
        #expect(JSONPointer.arrayIndex("10") == 10)
    }
}

@Suite struct JSONPatchTests {
    @Test func failingPatchLeavesDocumentUnchangedAndNamesTheOperation() throws {
        let doc: JSONValue = ["a": 1, "b": [1, 2]]
        let patch = try JSONPatch(
            text: #"[{"op":"replace","path":"/a","value":2},{"op":"remove","path":"/b/5"}]"#)
        let error = #expect(throws: JSONPatchError.self) { _ = try patch.apply(to: doc) }
        #expect(
            error?.description
                == "patch operation 1 (remove /b/5): index 5 is out of bounds (array has 2 elements)")
        #expect(doc == ["a": 1, "b": [1, 2]])
    }

    @Test func decodingErrorsNameTheOperation() {
        let error = #expect(throws: JSONPatchError.self) {
            _ = try JSONPatch(text: #"[{"op":"add","path":"/x","value":1},{"op":"spam","path":"/x"}]"#)
        }
        #expect(error?.description == "patch operation 1 (spam): unknown operation 'spam'")
    }

    @Test func moveIntoOwnChildFails() throws {
        let patch = try JSONPatch(text: #"[{"op":"move","from":"/a","path":"/a/b"}]"#)
        let error = #expect(throws: JSONPatchError.self) { _ = try patch.apply(to: ["a": ["b": 1]]) }
        #expect(error?.message == "cannot move '/a' into one of its own children")
    }

    @Test func roundTripsOperations() throws {
        let text =
            #"[{"op":"add","path":"/a~1b","value":[1]},{"op":"move","from":"/x","path":"/y"},{"op":"test","path":"","value":null}]"#
        #expect(JSONWriter().string(try JSONPatch(text: text).json) == text)
    }
}
