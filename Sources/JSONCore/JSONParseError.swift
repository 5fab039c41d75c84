/// Why a JSON text was rejected, and where: `offset` is the byte offset into the input,
/// `line` and `column` are 1-based (columns count bytes).
public struct JSONParseError: Error, Sendable, Equatable, CustomStringConvertible {
    public var message: String
    public var offset: Int
    public var line: Int
    public var column: Int

    public init(message: String, offset: Int, line: Int, column: Int) {
        self.message = message
        self.offset = offset
        self.line = line
        self.column = column
    }

    public var description: String { "JSON \(line):\(column): \(message)" }
}
