/// The endpoint could not be resolved; `message` is the rule set's error text.
public struct EndpointError: Error, Sendable, Equatable, CustomStringConvertible {
    public var message: String

    public init(message: String) {
        self.message = message
    }

    public var description: String { "endpoint resolution failed: \(message)" }
}
