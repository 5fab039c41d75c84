import CloudControlLocal
import Foundation
import JSONCore
import ResourceSchemas
import Testing

@testable import CCSCloud

/// `diff`, `apply_patch` and the schema-aware patch builder.
@Suite struct PatchTests {
    /// Every case of the JSON Patch suite, run through the `apply_patch` built-in.
    static let suiteCases = patchCases("tests.json") + patchCases("spec_tests.json")

    @Test(arguments: suiteCases) func applyPatchPassesTheJSONPatchSuite(_ c: PatchCase) throws {
        let h = try CloudHarness()
        let doc = JSONWriter().string(c.doc)
        let patch = JSONWriter().string(c.patch)
        let result = h.run("print(apply_patch(parse_json(\(quoted(doc))), parse_json(\(quoted(patch)))))")
        if let expected = c.expected {
            #expect(result.errors == "")
            let got = try JSONParser.parse(result.output)
            #expect(got == expected)
        } else if c.error != nil {
            #expect(result.status == 1)
            #expect(result.errors.contains("apply_patch: "))
        } else {
            // A case with neither: it must apply without error.
            #expect(result.errors == "")
        }
    }

    @Test func roundTripOnRandomizedPairs() throws {
        var random = RandomJSON(seed: 20_261_126)
        for round in 0..<3_000 {
            let a = random.document(depth: 4)
            let b = random.chance(70) ? random.mutate(a, depth: 4) : random.document(depth: 4)
            let operations = try PatchBuilder.diff(a, b)
            let patched = try JSONPatch(operations: operations).apply(to: a)
            #expect(
                PatchBuilder.identical(patched, b),
                "round \(round): \(a) → \(b) via \(JSONPatch(operations: operations).json)")
            if PatchBuilder.identical(a, b) { #expect(operations.isEmpty) }
        }
    }

    @Test func roundTripThroughTheBuiltins() throws {
        var random = RandomJSON(seed: 7)
        var lines: [String] = []
        for _ in 0..<200 {
            let a = random.document(depth: 3)
            let b = random.mutate(a, depth: 3)
            let (ta, tb) = (quoted(JSONWriter().string(a)), quoted(JSONWriter().string(b)))
            lines.append(
                "let a = parse_json(\(ta)); let b = parse_json(\(tb)); assert(apply_patch(a, diff(a, b)) == b)"
            )
        }
        let result = try CloudHarness().run(lines.map { "{ \($0) }" }.joined(separator: "\n"))
        #expect(result.errors == "")
        #expect(result.status == 0)
    }

    @Test func pointersAreEscapedAndRemovalsDescend() throws {
        let operations = try PatchBuilder.diff(
            ["a/b": 1, "m~n": [1, 2, 3, 4, 5]], ["a/b": 2, "m~n": [1, 5], "new": true])
        #expect(
            JSONPatch(operations: operations).json == [
                ["op": "replace", "path": "/a~1b", "value": 2],
                ["op": "remove", "path": "/m~0n/3"],
                ["op": "remove", "path": "/m~0n/2"],
                ["op": "remove", "path": "/m~0n/1"],
                ["op": "add", "path": "/new", "value": true],
            ])
    }

    @Test func schemaRulesForUnorderedArraysAndTagLists() throws {
        let schema = try Self.testSchema()
        let current: JSONValue = [
            "Name": "n", "Arn": "arn:1", "Tags": [["Key": "a", "Value": "1"], ["Key": "b", "Value": "2"]],
            "Ports": [1, 2, 3], "Ordered": [1, 2, 3], "Config": ["Id": "c-1", "Mode": "x"],
        ]
        // Reordering an unordered array or a tag list is no change at all.
        var reordered = current.objectValue ?? [:]
        reordered["Tags"] = [["Key": "b", "Value": "2"], ["Key": "a", "Value": "1"]]
        reordered["Ports"] = [3, 2, 1]
        #expect(try PatchBuilder.diff(current, .object(reordered), schema: schema).isEmpty)
        // A changed one is replaced whole; an ordered array is edited in place.
        var changed = current.objectValue ?? [:]
        changed["Tags"] = [["Key": "a", "Value": "9"]]
        changed["Ports"] = [1, 2]
        changed["Ordered"] = [1, 2]
        changed["Arn"] = nil
        changed["Config"] = ["Mode": "y"]
        let operations = try PatchBuilder.diff(current, .object(changed), schema: schema)
        #expect(
            JSONPatch(operations: operations).json == [
                ["op": "replace", "path": "/Tags", "value": [["Key": "a", "Value": "9"]]],
                ["op": "replace", "path": "/Ports", "value": [1, 2]],
                ["op": "remove", "path": "/Ordered/2"],
                ["op": "replace", "path": "/Config/Mode", "value": "y"],
            ])
    }

    /// For random current and desired documents of a schema with nested read-only and
    /// create-only properties, the builder either refuses (a protected value was changed) or
    /// emits operations that touch no protected path and yield the desired document with the
    /// read-only values it left out kept.
    @Test func builderNeverTouchesProtectedPaths() throws {
        let schema = try Self.testSchema()
        let protected = schema.schema.readOnlyProperties + schema.schema.createOnlyProperties
        var random = RandomJSON(seed: 99)
        var refused = 0
        var applied = 0
        for round in 0..<2_000 {
            let current = Self.randomModel(&random)
            var desired = current.objectValue ?? [:]
            for key in ["Tags", "Ports", "Ordered", "Extra"] where random.chance(50) {
                desired[key] = random.chance(20) ? nil : random.mutate(desired[key] ?? .null, depth: 2)
            }
            if random.chance(50) { desired["Arn"] = nil }
            if random.chance(10) { desired["Arn"] = "arn:other" }
            if random.chance(10) { desired["Name"] = "renamed" }
            if case .object(var config)? = desired["Config"] {
                if random.chance(50) { config["Id"] = nil }
                if random.chance(10) { config["Region"] = "elsewhere" }
                if random.chance(50) { config["Mode"] = random.scalar() }
                desired["Config"] = .object(config)
            }
            let operations: [JSONPatchOperation]
            do {
                operations = try PatchBuilder.diff(current, .object(desired), schema: schema)
            } catch {
                refused += 1
                continue
            }
            applied += 1
            for operation in operations {
                #expect(
                    !protected.contains { $0.overlaps(operation.path) },
                    "round \(round): \(operation.json) touches a protected path")
            }
            var expected = desired
            if expected["Arn"] == nil { expected["Arn"] = current["Arn"] }
            if case .object(var config)? = expected["Config"], config["Id"] == nil {
                config["Id"] = current["Config"]?["Id"]
                expected["Config"] = .object(config)
            }
            let patched = try JSONPatch(operations: operations).apply(to: current)
            let unordered = ["Tags", "Ports"]
            for (key, value) in expected {
                guard let got = patched[key] else {
                    Issue.record("round \(round): \(key) missing after patch")
                    continue
                }
                if unordered.contains(key), case .array(let x) = got, case .array(let y) = value {
                    #expect(PatchBuilder.sameElements(x, y), "round \(round): \(key)")
                } else {
                    #expect(PatchBuilder.identical(got, value), "round \(round): \(key): \(got) vs \(value)")
                }
            }
            #expect(patched.objectValue?.count == expected.count)
        }
        #expect(refused > 100)
        #expect(applied > 1_000)
    }

    static func randomModel(_ random: inout RandomJSON) -> JSONValue {
        [
            "Name": "n", "Arn": "arn:1",
            "Tags": .array((0..<random.int(4)).map { ["Key": .string("k\($0)"), "Value": random.scalar()] }),
            "Ports": .array((0..<random.int(4)).map { _ in .int(random.int(5)) }),
            "Ordered": random.document(depth: 2),
            "Config": ["Id": "c-1", "Region": "here", "Mode": random.scalar()],
            "Extra": random.document(depth: 2),
        ]
    }

    static func testSchema() throws -> ResourceSchemaView {
        let document = try JSONParser.parse(
            """
            {"typeName": "Test::Patch::Thing",
             "properties": {
               "Name": {"type": "string"}, "Arn": {"type": "string"},
               "Tags": {"type": "array", "insertionOrder": false, "items": {"$ref": "#/definitions/Tag"}},
               "Ports": {"$ref": "#/definitions/PortList"},
               "Ordered": {"type": "array"},
               "Config": {"type": "object", "properties": {"Id": {"type": "string"}, "Region": {"type": "string"}, "Mode": {}}},
               "Extra": {}
             },
             "definitions": {
               "Tag": {"type": "object", "properties": {"Key": {"type": "string"}, "Value": {"type": "string"}}},
               "PortList": {"type": "array", "insertionOrder": false, "items": {"type": "integer"}}
             },
             "primaryIdentifier": ["/properties/Name"],
             "readOnlyProperties": ["/properties/Arn", "/properties/Config/Id"],
             "createOnlyProperties": ["/properties/Name", "/properties/Config/Region"]}
            """)
        return ResourceSchemaView(try ResourceSchema(document: document, source: "test"))
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

    static func patchCases(_ file: String) -> [PatchCase] {
        guard let url = Bundle.module.resourceURL?.appendingPathComponent("Fixtures/JSONPatchTests/" + file),
            let data = try? Data(contentsOf: url),
            case .array(let cases)? = try? JSONParser.parse(Array(data))
        else { return [] }
        return cases.enumerated().compactMap { i, c in
            guard c["disabled"] != .bool(true), let doc = c["doc"], let patch = c["patch"] else { return nil }
            return PatchCase(
                file: file, index: i, comment: c["comment"]?.stringValue ?? "", doc: doc, patch: patch,
                expected: c["expected"], error: c["error"]?.stringValue)
        }
    }

    @Test func suiteFixturesAreThere() {
        #expect(Self.suiteCases.count > 100)
    }
}

/// A ccs string literal holding `text`.
func quoted(_ text: String) -> String {
    var out = "\""
    for c in text.unicodeScalars {
        switch c {
        case "\"": out += "\\\""
        case "\\": out += "\\\\"
        case "\n": out += "\\n"
        case "$": out += "\\$"
        default: out.unicodeScalars.append(c)
        }
    }
    return out + "\""
}
