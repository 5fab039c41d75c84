/// Bounds what applying a patch can build. `copy` duplicates a subtree that may itself hold
/// earlier copies, so forty operations on `[1]` describe a document of 2^40 values: cheap to
/// build (copies share storage) but not to write, validate or store. Found by fuzzing
/// (docs/FUZZING.md, FuzzJSONPatch). Every value a patch inserts (`add`, `replace`, `copy`,
/// `move`) is counted against `JSONPatch.maxValues` together with the original document, and
/// no insertion may nest deeper than `JSONPatch.maxDepth`, so the result can always be written
/// and read back by `JSONParser`. Measuring stops at the remaining budget, so a patch costs at
/// most O(maxValues) on top of its operations.
struct JSONPatchBudget {
    /// Values the patch may still insert.
    private(set) var remaining: Int

    init(document: JSONValue) {
        var count = 0
        _ = Self.depth(of: document, counting: &count, limit: JSONPatch.maxValues)
        remaining = max(0, JSONPatch.maxValues - count)
    }

    /// Charges the insertion of `value` at `path`, or throws when the result would be too large
    /// or too deep.
    mutating func insert(_ value: JSONValue, at path: JSONPointer) throws {
        var count = 0
        let depth = Self.depth(of: value, counting: &count, limit: remaining)
        guard count <= remaining else {
            throw JSONPatchFailure(
                message: "the patched document would hold more than \(JSONPatch.maxValues) values")
        }
        guard path.tokens.count + depth <= JSONPatch.maxDepth else {
            throw JSONPatchFailure(
                message: "the patched document would nest more than \(JSONPatch.maxDepth) levels deep")
        }
        remaining -= count
    }

    /// The nesting depth of `value` (0 for a scalar, 1 for a flat array or object), adding the
    /// number of values it holds (itself included) to `count`; stops early once `count`
    /// exceeds `limit`. Recursion is bounded: every document reaching here was parsed with
    /// `JSONParser.defaultMaxDepth` or built under this budget.
    private static func depth(of value: JSONValue, counting count: inout Int, limit: Int) -> Int {
        count += 1
        guard count <= limit else { return 0 }
        var deepest = 0
        switch value {
        case .array(let items):
            for item in items {
                deepest = max(deepest, depth(of: item, counting: &count, limit: limit))
                if count > limit { break }
            }
            return deepest + 1
        case .object(let members):
            for member in members.values {
                deepest = max(deepest, depth(of: member, counting: &count, limit: limit))
                if count > limit { break }
            }
            return deepest + 1
        default:
            return 0
        }
    }
}
