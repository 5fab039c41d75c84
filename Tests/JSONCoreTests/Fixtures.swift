import Foundation
import JSONCore
import Testing

/// Access to the conformance fixtures copied into this test target.
enum Fixtures {
    static func url(_ path: String) -> URL? {
        Bundle.module.resourceURL?.appendingPathComponent("Fixtures").appendingPathComponent(path)
    }

    /// The JSONTestSuite file names starting with `prefix` (`y_`, `n_`, `i_`), sorted.
    static func parsingCases(prefix: String) -> [String] {
        guard let dir = url("JSONTestSuite/test_parsing"),
            let names = try? FileManager.default.contentsOfDirectory(atPath: dir.path)
        else { return [] }
        return names.filter { $0.hasPrefix(prefix) && $0.hasSuffix(".json") }.sorted()
    }

    static func parsingCase(_ name: String) throws -> [UInt8] {
        guard let file = url("JSONTestSuite/test_parsing/" + name) else { throw FixtureMissing(name: name) }
        return Array(try Data(contentsOf: file))
    }

    /// One case of the JSON Patch test suite.
    struct PatchCase: Sendable, CustomTestStringConvertible {
        var file: String
        var index: Int
        var comment: String
        var doc: JSONValue
        var patch: JSONValue
        var expected: JSONValue?
        var error: String?
        var testDescription: String { "\(file)#\(index) \(comment)" }
    }

    /// Every case of `file` that is not marked `disabled`.
    static func patchCases(_ file: String) -> [PatchCase] {
        guard let fileURL = url("JSONPatchTests/" + file), let data = try? Data(contentsOf: fileURL),
            case .array(let cases)? = try? JSONParser.parse(Array(data))
        else { return [] }
        var out: [PatchCase] = []
        for (i, c) in cases.enumerated() {
            if c["disabled"] == .bool(true) { continue }
            guard let doc = c["doc"], let patch = c["patch"] else { continue }
            out.append(
                PatchCase(
                    file: file, index: i, comment: c["comment"]?.stringValue ?? "", doc: doc, patch: patch,
                    expected: c["expected"], error: c["error"]?.stringValue))
        }
        return out
    }
}

struct FixtureMissing: Error {
    var name: String
}
