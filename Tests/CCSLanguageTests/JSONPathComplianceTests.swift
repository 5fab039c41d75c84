import Testing

@testable import CCSLanguage

/// One case of the JSONPath Compliance Test Suite (Fixtures/jsonpath/cts.json, BSD-2-Clause,
/// see its LICENSE and NOTICE).
struct JSONPathComplianceCase: CustomTestStringConvertible, Sendable {
    let number: Int
    let name: String
    var testDescription: String { "#\(number) \(name)" }

    /// Every case, decoded with the codec under test; empty if the fixture is missing (the
    /// count test then fails).
    static func all() -> [JSONPathComplianceCase] {
        guard let suite = JSONPathComplianceSuite.shared else { return [] }
        return suite.tests.enumerated().map {
            JSONPathComplianceCase(number: $0.offset, name: $0.element.name)
        }
    }
}

/// The decoded fixture, decoded once and only read afterwards.
struct JSONPathComplianceSuite {
    static let shared = try? load()

    struct Entry {
        let name: String
        let selector: String
        let document: Value?
        /// The one allowed result, or the alternatives of a nondeterministic case.
        let results: [[Value]]
        let resultPaths: [[String]]
        let invalid: Bool
    }

    let tests: [Entry]

    static func load() throws -> JSONPathComplianceSuite {
        let data = try JSONTestFixtures.data("jsonpath/cts.json")
        let root = try JSONCodec.decode([UInt8](data))
        guard case .map(let top) = root, case .list(let list)? = top.entries["tests"] else {
            throw JSONTestFixtures.FixtureMissing(path: "jsonpath/cts.json (no tests array)")
        }
        return JSONPathComplianceSuite(tests: list.items.compactMap(entry))
    }

    private static func entry(_ value: Value) -> Entry? {
        guard case .map(let box) = value, case .string(let name)? = box.entries["name"],
            case .string(let selector)? = box.entries["selector"]
        else { return nil }
        var results: [[Value]] = []
        if case .list(let one)? = box.entries["result"] { results = [one.items] }
        if case .list(let many)? = box.entries["results"] {
            results = many.items.compactMap {
                if case .list(let r) = $0 { return r.items } else { return nil }
            }
        }
        var paths: [[String]] = []
        if case .list(let one)? = box.entries["result_paths"] { paths = [strings(one.items)] }
        if case .list(let many)? = box.entries["results_paths"] {
            paths = many.items.compactMap {
                if case .list(let r) = $0 { return strings(r.items) } else { return nil }
            }
        }
        var invalid = false
        if case .bool(true)? = box.entries["invalid_selector"] { invalid = true }
        return Entry(
            name: name, selector: selector, document: box.entries["document"], results: results,
            resultPaths: paths, invalid: invalid)
    }

    private static func strings(_ values: [Value]) -> [String] {
        values.compactMap { if case .string(let text) = $0 { return text } else { return nil } }
    }
}

@Suite struct JSONPathComplianceTests {
    @Test func allCasesArePresent() {
        #expect(JSONPathComplianceCase.all().count == 703)
    }

    @Test(arguments: JSONPathComplianceCase.all())
    func complianceCase(_ testCase: JSONPathComplianceCase) throws {
        let entry = try #require(JSONPathComplianceSuite.shared).tests[testCase.number]
        if entry.invalid {
            #expect(throws: JSONPathSyntaxError.self, "\(entry.selector) must be rejected") {
                try JSONPathQuery(entry.selector)
            }
            return
        }
        let query = try JSONPathQuery(entry.selector)
        let document = try #require(entry.document)
        let values = query.evaluate(document)
        let matches = entry.results.contains { expected in
            expected.count == values.count
                && zip(expected, values).allSatisfy { JSONPathEvaluator.deepEqual($0, $1) }
        }
        #expect(matches, "\(entry.selector) gave \(JSONCodec.encode(.list(ListBox(values))))")
        let located = query.evaluateWithPaths(document)
        #expect(located.count == values.count)
        if !entry.resultPaths.isEmpty {
            let paths = located.map(\.path)
            #expect(entry.resultPaths.contains(paths), "\(entry.selector) paths \(paths)")
        }
    }
}
