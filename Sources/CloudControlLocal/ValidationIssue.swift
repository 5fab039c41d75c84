import JSONCore

/// One way a resource model breaks its schema: where (a JSON Pointer into the model) and
/// which rule, in words. Rendered `#/Tags/0/Key: expected string, got integer`.
public struct ValidationIssue: Sendable, Equatable, CustomStringConvertible {
    public var path: JSONPointer
    public var message: String

    public init(path: JSONPointer, message: String) {
        self.path = path
        self.message = message
    }

    public var description: String { "#\(path.description): \(message)" }
}
