/// An error the engine raises as an immediate exception, named like the service's exception
/// types (`InvalidRequestException`, ...). The service adapter maps it onto `CloudControlError`.
public struct LocalError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The Cloud Control exception name, e.g. `ResourceNotFoundException`.
    public var code: String
    public var message: String

    public init(_ code: String, _ message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { "\(code): \(message)" }

    static func invalidRequest(_ message: String) -> LocalError {
        LocalError("InvalidRequestException", message)
    }
    static func notFound(_ typeName: String, _ identifier: String) -> LocalError {
        LocalError(
            "ResourceNotFoundException",
            "Resource of type '\(typeName)' with identifier '\(identifier)' was not found.")
    }
    static func typeNotFound(_ typeName: String) -> LocalError {
        LocalError(
            "TypeNotFoundException",
            "The type '\(typeName)' cannot be found. Load its schema with --schemas DIR.")
    }
}
