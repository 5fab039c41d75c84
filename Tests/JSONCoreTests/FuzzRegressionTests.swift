import JSONCore
import Testing

/// Inputs that hung or exhausted memory under fuzzing (docs/FUZZING.md, FuzzJSONPatch), fed
/// through the same entry points as the emulator's UpdateResource: parse the patch text, apply
/// it, write the result.
@Suite struct FuzzRegressionTests {
    /// Forty `copy` operations that each append an array to itself: a 2 KB patch describing a
    /// document of 2^41 values, which the writer never finished.
    @Test func selfDoublingCopiesAreRefused() throws {
        let doubling = #"{"op":"copy","from":"/a","path":"/a/-"}"#
        let text = #"[{"op":"add","path":"/a","value":[1]},"# + Array(repeating: doubling, count: 40).joined(separator: ",") + "]"
        let patch = try JSONPatch(text: text)
        #expect(throws: JSONPatchError(
            index: 19, op: "copy", path: "/a/-",
            message: "the patched document would hold more than 1000000 values")
        ) {
            _ = try patch.apply(to: ["a": "x"])
        }
    }

    /// The same patch with fewer copies stays under the bound and round-trips.
    @Test func eighteenDoublingsStillApply() throws {
        let doubling = #"{"op":"copy","from":"/a","path":"/a/-"}"#
        let text = #"[{"op":"add","path":"/a","value":[1]},"# + Array(repeating: doubling, count: 18).joined(separator: ",") + "]"
        let patched = try JSONPatch(text: text).apply(to: ["a": "x"])
        #expect(try JSONParser.parse(JSONWriter().bytes(patched)) == patched)
    }

    /// Copying a 300-deep value 250 levels down would build a document JSONParser cannot read
    /// back (nesting over 512).
    @Test func copiesNestingPastTheParserLimitAreRefused() throws {
        let deep = String(repeating: "[", count: 300) + String(repeating: "]", count: 300)
        let below = String(repeating: "/0", count: 250)
        let text = #"[{"op":"add","path":"/a","value":"# + deep + #"},{"op":"copy","from":"/a","path":"/a"# + below + #"/-"}]"#
        let patch = try JSONPatch(text: text)
        #expect(throws: JSONPatchError(
            index: 1, op: "copy", path: "/a" + below + "/-",
            message: "the patched document would nest more than 512 levels deep")
        ) {
            _ = try patch.apply(to: [:])
        }
    }

    /// Right at the bound the result is still written and parsed back.
    @Test func nestingExactlyToTheParserLimitApplies() throws {
        let deep = String(repeating: "[", count: 300) + String(repeating: "]", count: 300)
        let below = String(repeating: "/0", count: 210)
        let text = #"[{"op":"add","path":"/a","value":"# + deep + #"},{"op":"copy","from":"/a","path":"/a"# + below + #"/-"}]"#
        let patched = try JSONPatch(text: text).apply(to: [:])
        #expect(try JSONParser.parse(JSONWriter().bytes(patched)) == patched)
    }
}
