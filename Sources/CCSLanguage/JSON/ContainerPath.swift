/// The lists and maps on the way from a value's root to the container a walk is in, for the
/// walks that turn a value into JSON (the JSON writer, CCSCloud's conversion to `JSONValue`).
///
/// JSON has no cycles, and ccs reads JSON at most `JSONCodec.maxDepth` levels deep, so such a
/// walk stops at a container that contains itself or lies deeper than that, with one of the
/// errors below, instead of recursing until the stack runs out (issue 16, F1 and F9).
public struct ContainerPath {
    public enum Problem {
        /// The container is already on the path: the value contains itself.
        case cycle
        /// Entering the container would pass `JSONCodec.maxDepth`.
        case tooDeep
    }

    private var ids: [ObjectIdentifier] = []
    /// The containers on the path deeper than `cycleCheckDepth`, to look one up in constant
    /// time (a search of `ids` at every level made deep walks quadratic).
    private var deepIDs: Set<ObjectIdentifier> = []

    /// Up to this depth containers are not looked up: a cycle through shallower ones is
    /// caught when the walk comes round to them again deeper down. So a shallow value, the
    /// common case, costs no hashing.
    static let cycleCheckDepth = 64

    public init() {}

    /// Enters `container` (a `ListBox` or `MapBox`); on a problem the path is left as it was.
    public mutating func enter(_ container: AnyObject) -> Problem? {
        let id = ObjectIdentifier(container)
        if ids.count >= Self.cycleCheckDepth && deepIDs.contains(id) { return .cycle }
        if ids.count >= JSONCodec.maxDepth {
            // A cycle longer than the depth limit shows up here first.
            return Set(ids).count < ids.count || ids.contains(id) ? .cycle : .tooDeep
        }
        if ids.count >= Self.cycleCheckDepth { deepIDs.insert(id) }
        ids.append(id)
        return nil
    }

    /// Leaves the container entered last.
    public mutating func leave() {
        let id = ids.removeLast()
        if ids.count >= Self.cycleCheckDepth { deepIDs.remove(id) }
    }

    /// The error for a walk stopped by `problem`; `what` names the value ("json: argument #1").
    public static func error(_ problem: Problem, _ what: String) -> ScriptError {
        switch problem {
        case .cycle:
            return ScriptError(
                code: ErrorCode.valueError,
                message: "cyclic value: \(what) contains itself (a list or map inside itself has no JSON form)")
        case .tooDeep:
            return ScriptError(
                code: ErrorCode.valueError,
                message: "value too deep: \(what) nests lists and maps more than \(JSONCodec.maxDepth) levels deep, the most ccs reads or writes as JSON")
        }
    }
}
