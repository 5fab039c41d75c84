import JSONCore

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

    /// The language's wording of a parser issue, located in `bytes`. Line and column are
    /// computed only here, on failure, so the parser never tracks lines.
    init(_ issue: JSONSyntaxIssue, in bytes: UnsafeBufferPointer<UInt8>) {
        let offset = issue.offset
        let (line, column) = Self.lineColumn(offset, in: bytes)
        let found = Self.found(at: offset, in: bytes)
        let message: String
        switch issue.kind {
        case .expectedValue(let inContainer):
            message =
                offset >= bytes.count && inContainer ? "unexpected end of input" : "expected a JSON value, found \(found)"
        case .tooDeep(let limit): message = "nesting deeper than \(limit) levels"
        case .expectedKey: message = "expected a string key, found \(found)"
        case .expectedColon: message = "expected ':' after an object key, found \(found)"
        case .expectedCommaOrClose(let isObject, let openedAt):
            let close = isObject ? "'}'" : "']'"
            if offset >= bytes.count {
                let (openLine, openColumn) = Self.lineColumn(openedAt, in: bytes)
                message =
                    "\(close) expected (to close '\(isObject ? "{" : "[")' at \(openLine):\(openColumn)), found end of input"
            } else {
                message = "expected ',' or \(close) after \(isObject ? "a member" : "an element"), found \(found)"
            }
        case .trailingContent: message = "unexpected \(found) after the JSON value"
        case .invalidLiteral(let literal): message = "invalid literal, expected '\(literal)'"
        case .unterminatedString(let openedAt): message = "unterminated string (opened at offset \(openedAt))"
        case .controlCharacter(let byte): message = "control character U+00\(Self.hex2(byte)) must be escaped in a string"
        case .invalidUTF8Byte(let byte): message = "invalid UTF-8 byte 0x\(Self.hex2(byte))"
        case .truncatedUTF8: message = "truncated UTF-8 sequence"
        case .invalidUTF8: message = "invalid UTF-8 sequence"
        case .unterminatedEscape: message = "unterminated escape sequence"
        case .invalidEscape(let byte):
            let shown = byte >= 0x20 && byte < 0x7F ? String(Character(Unicode.Scalar(byte))) : "0x" + Self.hex2(byte)
            message = "invalid escape '\\\(shown)' in a string"
        case .shortUnicodeEscape: message = "\\u needs four hex digits"
        case .invalidHexDigit: message = "\\u needs four hex digits, found \(found)"
        case .loneHighSurrogate(let code):
            message = "lone high surrogate \\u\(String(code, radix: 16, uppercase: true)) (a low surrogate must follow)"
        case .unpairedHighSurrogate: message = "high surrogate not followed by a low surrogate"
        case .loneLowSurrogate(let code): message = "lone low surrogate \\u\(String(code, radix: 16, uppercase: true))"
        case .expectedDigitAfterMinus: message = "expected a digit after '-', found \(found)"
        case .leadingZero: message = "leading zeros are not allowed in numbers"
        case .expectedDigitAfterPoint: message = "expected a digit after '.', found \(found)"
        case .expectedDigitInExponent: message = "expected a digit in the exponent, found \(found)"
        case .numberOutOfRange(let text): message = "number \(text) is out of range"
        }
        self.init(message: message, line: line, column: column, offset: offset)
    }

    /// The 1-based line and column (in scalars) of a byte offset.
    private static func lineColumn(_ offset: Int, in bytes: UnsafeBufferPointer<UInt8>) -> (Int, Int) {
        var line = 1
        var column = 1
        for byte in UnsafeBufferPointer(rebasing: bytes[0..<min(offset, bytes.count)]) {
            if byte == UInt8(ascii: "\n") {
                line += 1
                column = 1
            } else if byte & 0xC0 != 0x80 {
                // Continuation bytes (10xxxxxx) belong to the previous scalar's column.
                column += 1
            }
        }
        return (line, column)
    }

    /// A short description of the byte at `offset` for messages: "'x'" or "end of input".
    private static func found(at offset: Int, in bytes: UnsafeBufferPointer<UInt8>) -> String {
        guard offset < bytes.count else { return "end of input" }
        let byte = bytes[offset]
        if byte >= 0x20 && byte < 0x7F { return "'\(Character(Unicode.Scalar(byte)))'" }
        return "byte 0x" + String(byte, radix: 16, uppercase: true)
    }

    private static func hex2(_ byte: UInt8) -> String {
        let digits = String(byte, radix: 16, uppercase: true)
        return digits.count == 1 ? "0" + digits : digits
    }
}
