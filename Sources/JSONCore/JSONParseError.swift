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

extension JSONParseError {
    /// This module's wording of a parser issue, located in `bytes`.
    init(_ issue: JSONSyntaxIssue, in bytes: UnsafeBufferPointer<UInt8>) {
        var offset = issue.offset
        let message: String
        switch issue.kind {
        case .expectedValue:
            message =
                offset < bytes.count
                ? "unexpected \(Self.describe(bytes[offset])), expected a value"
                : "unexpected end of input, expected a value"
        case .tooDeep(let limit): message = "nesting deeper than \(limit) levels"
        case .expectedKey: message = "expected a member name string"
        case .expectedColon: message = "expected ':' after member name"
        case .expectedCommaOrClose(let isObject, _):
            message = isObject ? "expected ',' or '}' in object" : "expected ',' or ']' in array"
        case .trailingContent: message = "unexpected \(Self.describe(bytes[offset])) after the document"
        case .invalidLiteral(let word): message = "invalid literal, expected '\(word)'"
        case .unterminatedString: message = "unterminated string"
        case .controlCharacter(let byte): message = "control character \(Self.describe(byte)) must be escaped in strings"
        case .invalidUTF8Byte(let byte): message = "invalid UTF-8 byte \(Self.describe(byte))"
        case .truncatedUTF8: message = "truncated UTF-8 sequence"
        case .invalidUTF8: message = "invalid UTF-8 sequence"
        case .unterminatedEscape:
            // Reported after the backslash, where the escape's letter is missing.
            offset += 1
            message = "unterminated escape"
        case .invalidEscape(let byte): message = "invalid escape '\\\(String(decoding: [byte], as: UTF8.self))'"
        case .shortUnicodeEscape:
            // Reported after `\u`, where the hex digits are missing.
            offset += 2
            message = "incomplete \\u escape"
        case .invalidHexDigit(let byte): message = "invalid hex digit \(Self.describe(byte)) in \\u escape"
        case .loneHighSurrogate(let code), .loneLowSurrogate(let code):
            message = "lone surrogate \\u\(String(code, radix: 16, uppercase: true))"
        case .unpairedHighSurrogate: message = "high surrogate not followed by a low surrogate"
        case .expectedDigitAfterMinus: message = "expected a digit in number"
        case .leadingZero(let digitAt):
            offset = digitAt
            message = "leading zeros are not allowed in numbers"
        case .expectedDigitAfterPoint: message = "expected a digit after '.'"
        case .expectedDigitInExponent: message = "expected a digit in exponent"
        case .numberOutOfRange(let text): message = "number out of range: \(text)"
        }
        let at = min(offset, bytes.count)
        var line = 1
        var column = 1
        for byte in UnsafeBufferPointer(rebasing: bytes[0..<at]) {
            if byte == 0x0A { line += 1; column = 1 } else { column += 1 }
        }
        self.init(message: message, offset: at, line: line, column: column)
    }

    /// `'x'` for a printable ASCII byte, else `byte 0xHH`.
    private static func describe(_ byte: UInt8) -> String {
        if byte >= 0x21 && byte < 0x7F { return "'\(String(decoding: [byte], as: UTF8.self))'" }
        return "byte 0x" + String(byte, radix: 16, uppercase: true)
    }
}
