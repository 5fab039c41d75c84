/// String literals (RFC 9535 §2.3.1.1).
extension JSONPathParser {
    /// string-literal = %x22 *double-quoted %x22 / %x27 *single-quoted %x27
    mutating func parseStringLiteral() throws -> String {
        let open = index
        guard let quote = peek(), quote == "'" || quote == "\"" else {
            throw error("expected a string literal, found \(found())")
        }
        index += 1
        var result = String.UnicodeScalarView()
        while true {
            guard let scalar = peek() else {
                throw error("unterminated string literal (opened at character \(open + 1))")
            }
            if scalar == quote {
                index += 1
                return String(result)
            }
            if scalar == "\\" {
                result.append(try parseEscape(quote: quote))
                continue
            }
            // unescaped = %x20-21 / %x23-26 / %x28-5B / %x5D-D7FF / %xE000-10FFFF, plus the
            // other quote character.
            guard scalar.value >= 0x20 else {
                throw error("control character U+\(hex4(scalar.value)) must be escaped in a string literal")
            }
            result.append(scalar)
            index += 1
        }
    }

    private func hex4(_ value: UInt32) -> String {
        let digits = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }

    /// ESC escapable, where escapable = b f n r t / \ (u hexchar), and the enclosing quote.
    private mutating func parseEscape(quote: Unicode.Scalar) throws -> Unicode.Scalar {
        let start = index
        index += 1
        guard let scalar = peek() else { throw error("unterminated escape sequence", at: start) }
        index += 1
        switch scalar {
        case "b": return "\u{08}"
        case "f": return "\u{0C}"
        case "n": return "\n"
        case "r": return "\r"
        case "t": return "\t"
        case "/": return "/"
        case "\\": return "\\"
        case "u":
            let high = try parseHex4(escapeStart: start)
            if (0xDC00..<0xE000).contains(high) {
                throw error("lone low surrogate in \\u escape", at: start)
            }
            guard (0xD800..<0xDC00).contains(high) else {
                return Unicode.Scalar(high) ?? "\u{FFFD}"
            }
            guard peek() == "\\", peek(1) == "u" else {
                throw error("high surrogate must be followed by a \\u low surrogate", at: start)
            }
            let lowStart = index
            index += 2
            let low = try parseHex4(escapeStart: lowStart)
            guard (0xDC00..<0xE000).contains(low) else {
                throw error("high surrogate must be followed by a low surrogate", at: lowStart)
            }
            return Unicode.Scalar(0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00)) ?? "\u{FFFD}"
        default:
            if scalar == quote { return scalar }
            throw error("invalid escape '\\\(scalar)' in a string literal", at: start)
        }
    }

    private mutating func parseHex4(escapeStart: Int) throws -> UInt32 {
        var value: UInt32 = 0
        for _ in 0..<4 {
            guard let scalar = peek(), let digit = Self.hexValue(scalar) else {
                throw error("\\u must be followed by four hex digits, found \(found())")
            }
            value = value << 4 | digit
            index += 1
        }
        return value
    }

    static func hexValue(_ scalar: Unicode.Scalar) -> UInt32? {
        switch scalar.value {
        case 0x30...0x39: return scalar.value - 0x30
        case 0x41...0x46: return scalar.value - 0x41 + 10
        case 0x61...0x66: return scalar.value - 0x61 + 10
        default: return nil
        }
    }
}
