/// A schema file that could not be used.
public struct SchemaError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file or type the problem is in.
    public var source: String
    public var message: String
    public var description: String { "\(source): \(message)" }

    public init(source: String, message: String) {
        self.source = source
        self.message = message
    }
}
