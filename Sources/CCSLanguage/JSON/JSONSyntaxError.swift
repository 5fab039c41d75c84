/// A JSON text that is not valid RFC 8259 JSON, with where the problem was found.
public struct JSONSyntaxError: Error, Equatable, CustomStringConvertible {
    /// What was wrong, e.g. "expected ',' or ']' after an array element, found '}'".
    public let message: String
    /// 1-based line of the offending byte.
    public let line: Int
    /// 1-based column of the offending character (counted in Unicode scalars, not bytes).
    public let column: Int
    /// 0-based byte offset of the offending byte in the UTF-8 input.
    public let offset: Int

    public init(message: String, line: Int, column: Int, offset: Int) {
        self.message = message
        self.line = line
        self.column = column
        self.offset = offset
    }

    /// `line:column: message`, the form the CLI prints after the file name.
    public var description: String { "\(line):\(column): \(message)" }

    /// Builds an error at `offset`, computing line and column from the bytes before it.
    /// Done only on failure, so the hot path never tracks lines.
    static func at(_ offset: Int, in bytes: UnsafeBufferPointer<UInt8>, _ message: String) -> JSONSyntaxError
    {
        var line = 1
        var column = 1
        var index = 0
        let end = min(offset, bytes.count)
        while index < end {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\n") {
                line += 1
                column = 1
            } else if byte & 0xC0 != 0x80 {
                // Continuation bytes (10xxxxxx) belong to the previous scalar's column.
                column += 1
            }
            index += 1
        }
        return JSONSyntaxError(message: message, line: line, column: column, offset: offset)
    }
}
