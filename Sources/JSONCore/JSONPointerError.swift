/// A malformed JSON Pointer string.
public struct JSONPointerError: Error, Sendable, Equatable, CustomStringConvertible {
    public var pointer: String
    public var message: String
    public var description: String { "invalid JSON Pointer '\(pointer)': \(message)" }
}
