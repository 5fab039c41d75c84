/// An awsQuery answer is not well-formed XML.
public struct XMLTreeError: Error, Sendable, Equatable, CustomStringConvertible {
    public var line: Int
    public var column: Int
    public var reason: String

    public var description: String { "malformed XML at line \(line), column \(column): \(reason)" }
}
