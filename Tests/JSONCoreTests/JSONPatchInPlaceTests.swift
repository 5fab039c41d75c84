import JSONCore
import Testing

/// Applying a patch mutates the document in place (JSONValue+InPlace.swift), so appends are
/// amortised O(1) and a failing operation still leaves the caller's document unchanged (§5).
/// Before the fix 10,000 appends took 1.5 s (release) because every append copied the array.
@Suite struct JSONPatchInPlaceTests {
    /// 50,000 appends to a nested array: quadratic copying made this take minutes under ASan.
    @Test func fiftyThousandAppendsComplete() throws {
        let n = 50_000
        let append = try JSONPointer("/a/b/-")
        let patch = JSONPatch(operations: (0..<n).map { .add(path: append, value: .int($0)) })
        let original: JSONValue = ["a": ["b": [], "c": "kept"]]
        let patched = try patch.apply(to: original)
        let elements = try #require(patched["a"]?["b"]?.arrayValue)
        #expect(elements.count == n)
        #expect(elements.enumerated().allSatisfy { $0.element == .int($0.offset) })
        #expect(patched["a"]?["c"] == "kept")
        #expect(original == ["a": ["b": [], "c": "kept"]])
    }

    /// Appends to the root array and removals from its front mix in place.
    @Test func rootAppendsAndRemovals() throws {
        var operations: [JSONPatchOperation] = []
        for i in 0..<1_000 { operations.append(.add(path: try JSONPointer("/-"), value: .int(i))) }
        for _ in 0..<500 { operations.append(.remove(path: try JSONPointer("/0"))) }
        let patched = try JSONPatch(operations: operations).apply(to: [])
        #expect(patched == .array((500..<1_000).map { .int($0) }))
    }

    /// A failure deep in a long patch leaves the caller's document (whose storage the patch
    /// shared) untouched.
    @Test func failureLeavesSharedDocumentUnchanged() throws {
        let original: JSONValue = ["a": ["b": [1, 2, 3]], "x": ["y": "z"]]
        var operations: [JSONPatchOperation] = []
        for i in 0..<100 { operations.append(.add(path: try JSONPointer("/a/b/-"), value: .int(i))) }
        operations.append(.remove(path: try JSONPointer("/x/y")))
        operations.append(.remove(path: try JSONPointer("/a/b/999")))
        #expect(throws: JSONPatchError(
            index: 101, op: "remove", path: "/a/b/999",
            message: "index 999 is out of bounds (array has 103 elements)")
        ) {
            _ = try JSONPatch(operations: operations).apply(to: original)
        }
        #expect(original == ["a": ["b": [1, 2, 3]], "x": ["y": "z"]])
    }

    /// A failing operation inside the walk restores the values it took out of their parents.
    @Test func failedDescentRestoresPath() throws {
        let original: JSONValue = ["a": [["b": 1]]]
        let patch = JSONPatch(operations: [
            .add(path: try JSONPointer("/a/0/c"), value: 2),
            .add(path: try JSONPointer("/a/0/b/d"), value: 3),
        ])
        #expect(throws: JSONPatchError(
            index: 1, op: "add", path: "/a/0/b/d", message: "cannot add a member to a integer")
        ) {
            _ = try patch.apply(to: original)
        }
        let ok = try JSONPatch(operations: [.add(path: try JSONPointer("/a/0/c"), value: 2)]).apply(to: original)
        #expect(ok == ["a": [["b": 1, "c": 2]]])
    }
}
