import OrderedCollections
import Testing

@testable import CCSLanguage

@Suite struct JSONPathTests {
    let document = """
        {"store": {"book": [
          {"category": "reference", "author": "Nigel Rees", "title": "Sayings of the Century", "price": 8.95},
          {"category": "fiction", "author": "Evelyn Waugh", "title": "Sword of Honour", "price": 12.99},
          {"category": "fiction", "author": "Herman Melville", "title": "Moby Dick", "isbn": "0-553-21311-3", "price": 8},
          {"category": "fiction", "author": "J. R. R. Tolkien", "title": "The Lord of the Rings", "isbn": "0-395-19395-8", "price": 22.99}
        ], "bicycle": {"color": "red", "price": 399}}}
        """

    func run(_ path: String) throws -> String {
        JSONCodec.encode(.list(ListBox(try JSONPathQuery(path).evaluate(try JSONCodec.decode(document)))))
    }

    @Test(arguments: [
        ("$.store.book[*].author", #"["Nigel Rees","Evelyn Waugh","Herman Melville","J. R. R. Tolkien"]"#),
        ("$..author", #"["Nigel Rees","Evelyn Waugh","Herman Melville","J. R. R. Tolkien"]"#),
        ("$.store..price", "[8.95,12.99,8,22.99,399]"),
        ("$..book[2].title", #"["Moby Dick"]"#),
        ("$..book[-1].title", #"["The Lord of the Rings"]"#),
        ("$..book[:2].price", "[8.95,12.99]"),
        ("$..book[::-2].price", "[22.99,12.99]"),
        ("$..book[?@.isbn].title", #"["Moby Dick","The Lord of the Rings"]"#),
        ("$..book[?@.price < 10].title", #"["Sayings of the Century","Moby Dick"]"#),
        ("$..book[?@.price == 8.0].title", #"["Moby Dick"]"#),
        ("$..book[?@.price > $.store.bicycle.price]", "[]"),
        ("$..book[?match(@.author, '.* R(\\\\.|ees)')].author", #"["Nigel Rees"]"#),
        ("$..book[?search(@.title, '[Mm]oby')].price", "[8]"),
        ("$..book[?length(@.title) > 20].title", #"["Sayings of the Century","The Lord of the Rings"]"#),
        ("$.store[?count(@.*) == 2].color", #"["red"]"#),
        ("$..book[?value(@..isbn) == '0-553-21311-3'].price", "[8]"),
        ("$..book[?@.category == 'fiction' && !(@.price >= 12.99 || @.isbn)].title", "[]"),
        ("$..book[?@.category != 'fiction' || @.price == 8].author", #"["Nigel Rees","Herman Melville"]"#),
    ])
    func selects(_ path: String, _ expected: String) throws {
        #expect(try run(path) == expected)
    }

    @Test func firstGivesTheFirstNodeOrNil() throws {
        let value = try JSONCodec.decode(document)
        #expect(
            try JSONPathQuery("$.store.book[1].price").first(value).map { JSONCodec.encode($0) } == "12.99")
        #expect(
            try JSONPathQuery("$..book[?@.isbn].title").first(value).map { JSONCodec.encode($0) }
                == #""Moby Dick""#)
        #expect(try JSONPathQuery("$.store.book[9]").first(value) == nil)
        #expect(try JSONPathQuery("$.store.book[1].price").isSingular)
        #expect(try !JSONPathQuery("$.store.book[*]").isSingular)
    }

    @Test func pathsAreNormalizedAndEscaped() throws {
        let value = try JSONCodec.decode(#"{"it's":{"a\\b\n\u0001":[10,20]}}"#)
        let nodes = try JSONPathQuery("$..[1]").evaluateWithPaths(value)
        #expect(nodes.map(\.path) == [#"$['it\'s']['a\\b\n\u0001'][1]"#])
        #expect(nodes.map { JSONCodec.encode($0.value) } == ["20"])
    }

    @Test(arguments: [
        ("", 0, "a query must start with '$', found end of query"),
        (" $", 0, "a query must start with '$', found a space"),
        ("$.a ", 3, "unexpected a space after the query"),
        ("$['a' 'b']", 6, "expected ',' or ']' after a selector, found '''"),
        ("$['a'", 5, "expected ']' to close the '[' at character 2, found end of query"),
        ("$[01]", 2, "leading zeros are not allowed in integers"),
        ("$[-0]", 2, "'-0' is not a valid integer here"),
        ("$[9007199254740992]", 2, "integer out of range (limit ±(2^53-1))"),
        ("$.1", 2, "expected a member name or '*' after '.', found '1'"),
        ("$[?@.a == 'x\\q']", 12, "invalid escape '\\q' in a string literal"),
        (
            "$[?@.* == 1]", 3,
            "a non-singular query cannot be compared (only name and index selectors, no '..', '*', slices or filters)"
        ),
        (
            "$[?length(@)]", 3,
            "length() returns a value, which cannot be a test by itself; compare it (e.g. length(...) > 0)"
        ),
        ("$[?match(@.a, 'x') == true]", 3, "match() returns LogicalType, which cannot be compared"),
        ("$[?count(1) > 0]", 9, "count() expects a query (a node list) here"),
        (
            "$[?length(@.*) > 0]", 10,
            "argument of length(): a non-singular query cannot be compared (only name and index selectors, no '..', '*', slices or filters)"
        ),
        ("$[?foo(@)]", 3, "unknown function 'foo' (known: length, count, match, search, value)"),
        ("$[?@.a == 1 && 2]", 15, "a literal cannot be a test by itself; compare it with something"),
        ("$[?(@.a == 1]", 12, "expected ')' to close the '(' at character 4, found ']'"),
        ("$[?match(@.a)]", 3, "match() takes 2 arguments, got 1"),
        ("$[?@.a == truex]", 10, "unknown name 'truex' (expected true, false, null, or a function call)"),
    ])
    func errorsNameTheProblemAndOffset(_ path: String, _ offset: Int, _ message: String) {
        #expect(throws: JSONPathSyntaxError(message: message, offset: offset)) { try JSONPathQuery(path) }
    }

    @Test func numbersCompareByValueAndStringsByCodePoints() throws {
        let value = try JSONCodec.decode(#"[1, 1.0, 2, "\u00e9", "e\u0301", "b", [1, {"x": 1.0}]]"#)
        #expect(
            JSONCodec.encode(.list(ListBox(try JSONPathQuery("$[?@ == 1]").evaluate(value)))) == "[1,1.0]")
        #expect(
            JSONCodec.encode(.list(ListBox(try JSONPathQuery("$[?@ == '\\u00e9']").evaluate(value))))
                == #"["é"]"#)
        #expect(
            JSONCodec.encode(.list(ListBox(try JSONPathQuery("$[?@ > 'a']").evaluate(value))))
                == #"["é","é","b"]"#)
        #expect(
            JSONCodec.encode(.list(ListBox(try JSONPathQuery("$[?@ == $[6]]").evaluate(value))))
                == #"[[1,{"x":1.0}]]"#)
    }

    @Test func cyclesAndHostObjectsAreSafe() throws {
        let list = ListBox([.int(1)])
        list.items.append(.list(list))
        let found = try JSONPathQuery("$..*").evaluate(.list(list))
        #expect(found.count > 1000)
        let other = ListBox([.int(1)])
        other.items.append(.list(other))
        let pair = Value.map(MapBox(["a": .list(list), "b": .list(other)]))
        #expect(try JSONPathQuery("$[?@.a == @.b]").evaluate(.list(ListBox([pair]))).isEmpty)

        final class Resource: HostObject {
            override func jsonValue() throws -> Value { .map(MapBox(["Name": .string("r1")])) }
        }
        let holder = Value.list(ListBox([.object(Resource())]))
        #expect(
            JSONCodec.encode(.list(ListBox(try JSONPathQuery("$[?@.Name == 'r1'].Name").evaluate(holder))))
                == #"["r1"]"#)
    }

    @Test(arguments: [
        ("a.c", "abc", true), ("a.c", "a\nc", false), ("a.c", "a😀c", true),
        ("\\p{Lu}+", "ABC", true), ("\\p{Lu}+", "AbC", false), ("[^\\P{L}]+", "héllo", true),
        ("[a-c-]+", "ab-c", true), ("x{2,3}", "xxxx", false), ("x{2,}", "xxxx", true),
        ("(a|b)*c", "ababc", true), ("^ab", "ab", true), ("\\d", "1", false),
        ("(a*)*b", String(repeating: "a", count: 5000), false),
    ])
    func iRegexpMatchesWholeStrings(_ pattern: String, _ text: String, _ expected: Bool) {
        let regexp = IRegexp(pattern)
        if pattern == "\\d" {
            // \d is not I-Regexp (RFC 9485 has only \p{..} classes), so match() is false.
            #expect(regexp == nil)
        } else {
            #expect(regexp?.matchesWhole(text) == expected)
        }
    }

    @Test func invalidPatternsAreRejected() {
        for pattern in ["(", "a{2,1}", "[b-a]", "a**", "\\p{Xx}", "[]", "a{1000}{1000}", "(?:a)", "a|*"] {
            #expect(IRegexp(pattern) == nil, "\(pattern)")
        }
        #expect(IRegexp("a{0,5}b")?.matchesSubstring("xxaab") == true)
    }

    @Test func deepFilterNestingIsAnError() {
        let deep = "$" + String(repeating: "[?@", count: 300) + String(repeating: "]", count: 300)
        #expect(throws: JSONPathSyntaxError.self) { try JSONPathQuery(deep) }
        let parens =
            "$[?" + String(repeating: "(", count: 10_000) + "@" + String(repeating: ")", count: 10_000) + "]"
        #expect(throws: JSONPathSyntaxError.self) { try JSONPathQuery(parens) }
    }
}
