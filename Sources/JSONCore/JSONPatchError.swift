/// A JSON Patch that could not be decoded or applied. It names the operation by its index in
/// the patch, its `op` and its `path` when known, so a caller can point at the faulty line.
public struct JSONPatchError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Zero-based position of the operation in the patch.
    public var index: Int
    public var op: String?
    public var path: String?
    public var message: String

    public init(index: Int, op: String?, path: String?, message: String) {
        self.index = index
        self.op = op
        self.path = path
        self.message = message
    }

    /// E.g. `patch operation 2 (remove /Tags/5): index 5 is out of bounds (array has 2 elements)`.
    public var description: String {
        var head = "patch operation \(index)"
        switch (op, path) {
        case (let op?, let path?): head += " (\(op) \(path.isEmpty ? "\"\"" : path))"
        case (let op?, nil): head += " (\(op))"
        default: break
        }
        return head + ": " + message
    }
}
