/// A JSONPath query that is not valid RFC 9535 syntax, or is not well-typed (RFC 9535
/// §2.4.3: type errors in function expressions are reported when the query is parsed).
public struct JSONPathSyntaxError: Error, Equatable, CustomStringConvertible {
    /// What was wrong, e.g. "expected ']' to close the bracketed selection".
    public let message: String
    /// 0-based offset, in Unicode scalars, of the offending character in the query text.
    public let offset: Int

    public init(message: String, offset: Int) {
        self.message = message
        self.offset = offset
    }

    public var description: String { "at character \(offset + 1): \(message)" }
}
