/// A JSON Patch document (RFC 6902): a list of operations applied in order.
///
/// Application is atomic (§5): the operations work on a copy, so when one fails the caller's
/// document is unchanged and the error names the failing operation.
public struct JSONPatch: Sendable, Equatable {
    public var operations: [JSONPatchOperation]

    public init(operations: [JSONPatchOperation]) {
        self.operations = operations
    }

    /// Decodes a patch from its JSON form, an array of operation objects (§3).
    public init(json: JSONValue) throws {
        guard case .array(let elements) = json else {
            throw JSONPatchError(
                index: 0, op: nil, path: nil, message: "a JSON Patch must be an array, got \(json.typeName)")
        }
        self.operations = try elements.enumerated().map { try JSONPatchOperation(json: $1, index: $0) }
    }

    /// Decodes a patch from JSON text.
    public init(text: String) throws {
        try self.init(json: try JSONParser.parse(text))
    }

    /// The patch as its JSON array.
    public var json: JSONValue { .array(operations.map(\.json)) }

    /// The most values (scalars, arrays and objects) a patched document may hold, counting
    /// every value the patch inserts; see `JSONPatchBudget`.
    public static let maxValues = 1_000_000
    /// The deepest nesting a patch may build: what `JSONParser` reads back by default.
    public static let maxDepth = JSONParser.defaultMaxDepth

    /// Returns `document` with every operation applied, or throws `JSONPatchError` for the first
    /// operation that fails.
    public func apply(to document: JSONValue) throws -> JSONValue {
        var result = document
        var budget = JSONPatchBudget(document: document)
        for (index, operation) in operations.enumerated() {
            do {
                try Self.apply(operation, to: &result, budget: &budget)
            } catch let failure as JSONPatchFailure {
                throw JSONPatchError(
                    index: index, op: operation.name, path: operation.path.description,
                    message: failure.message)
            }
        }
        return result
    }
}
