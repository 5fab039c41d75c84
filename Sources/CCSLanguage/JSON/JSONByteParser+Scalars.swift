/// Strings and numbers: the token-level half of the parser.
extension JSONByteParser {
    /// string = quotation-mark *char quotation-mark (RFC 8259 §7). `index` is at the opening
    /// quote. Plain ASCII strings (the common case for keys and identifiers) are built straight
    /// from the input; strings with escapes or non-ASCII bytes go through `scratch`, where the
    /// UTF-8 is validated as it is copied.
    mutating func parseString() throws -> String {
        let start = index + 1
        var cursor = start
        while cursor < bytes.count {
            let byte = bytes[cursor]
            if byte == UInt8(ascii: "\"") {
                index = cursor + 1
                return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<cursor]), as: UTF8.self)
            }
            if byte == UInt8(ascii: "\\") || byte < 0x20 || byte >= 0x80 { break }
            cursor += 1
        }
        scratch.removeAll(keepingCapacity: true)
        scratch.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<cursor]))
        index = cursor
        return try parseStringSlow(openedAt: start - 1)
    }

    private mutating func parseStringSlow(openedAt: Int) throws -> String {
        while index < bytes.count {
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: "\""):
                index += 1
                return String(decoding: scratch, as: UTF8.self)
            case UInt8(ascii: "\\"):
                try parseEscape()
            case 0..<0x20:
                throw error("control character U+00\(hex2(byte)) must be escaped in a string")
            case 0x20..<0x80:
                scratch.append(byte)
                index += 1
            default:
                try copyMultiByteScalar()
            }
        }
        throw error("unterminated string (opened at offset \(openedAt))")
    }

    private func hex2(_ byte: UInt8) -> String {
        let digits = String(byte, radix: 16, uppercase: true)
        return digits.count == 1 ? "0" + digits : digits
    }

    /// Validates one multi-byte UTF-8 sequence (RFC 3629 §4: no overlong forms, no
    /// surrogates, nothing above U+10FFFF) and copies it to `scratch`.
    private mutating func copyMultiByteScalar() throws {
        let lead = bytes[index]
        let length: Int
        var lower: UInt8 = 0x80
        var upper: UInt8 = 0xBF
        switch lead {
        case 0xC2...0xDF: length = 2
        case 0xE0: length = 3; lower = 0xA0
        case 0xE1...0xEC, 0xEE...0xEF: length = 3
        case 0xED: length = 3; upper = 0x9F
        case 0xF0: length = 4; lower = 0x90
        case 0xF1...0xF3: length = 4
        case 0xF4: length = 4; upper = 0x8F
        default: throw error("invalid UTF-8 byte 0x\(hex2(lead))")
        }
        guard bytes.count - index >= length else { throw error("truncated UTF-8 sequence") }
        let second = bytes[index + 1]
        guard second >= lower && second <= upper else { throw error("invalid UTF-8 sequence") }
        if length > 2 {
            for offset in 2..<length where bytes[index + offset] & 0xC0 != 0x80 {
                throw error("invalid UTF-8 sequence")
            }
        }
        scratch.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[index..<(index + length)]))
        index += length
    }

    /// escape sequences of RFC 8259 §7, `\uXXXX` with UTF-16 surrogate pairs.
    private mutating func parseEscape() throws {
        let escapeStart = index
        index += 1
        guard index < bytes.count else { throw error("unterminated escape sequence", at: escapeStart) }
        let byte = bytes[index]
        index += 1
        switch byte {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): scratch.append(byte)
        case UInt8(ascii: "b"): scratch.append(0x08)
        case UInt8(ascii: "f"): scratch.append(0x0C)
        case UInt8(ascii: "n"): scratch.append(0x0A)
        case UInt8(ascii: "r"): scratch.append(0x0D)
        case UInt8(ascii: "t"): scratch.append(0x09)
        case UInt8(ascii: "u"):
            var code = try parseHex4(escapeStart)
            if code >= 0xD800 && code < 0xDC00 {
                guard bytes.count - index >= 2, bytes[index] == UInt8(ascii: "\\"),
                    bytes[index + 1] == UInt8(ascii: "u")
                else {
                    throw error(
                        "lone high surrogate \\u\(String(code, radix: 16, uppercase: true)) (a low surrogate must follow)",
                        at: escapeStart)
                }
                let lowStart = index
                index += 2
                let low = try parseHex4(lowStart)
                guard low >= 0xDC00 && low < 0xE000 else {
                    throw error("high surrogate not followed by a low surrogate", at: lowStart)
                }
                code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
            } else if code >= 0xDC00 && code < 0xE000 {
                throw error(
                    "lone low surrogate \\u\(String(code, radix: 16, uppercase: true))", at: escapeStart)
            }
            guard let scalar = Unicode.Scalar(code) else {
                throw error("invalid code point in escape", at: escapeStart)
            }
            scratch.append(contentsOf: scalar.utf8)
        default:
            throw error("invalid escape '\\\(found(byte))' in a string", at: escapeStart)
        }
    }

    private func found(_ byte: UInt8) -> String {
        byte >= 0x20 && byte < 0x7F ? String(Character(Unicode.Scalar(byte))) : "0x" + hex2(byte)
    }

    private mutating func parseHex4(_ escapeStart: Int) throws -> UInt32 {
        guard bytes.count - index >= 4 else { throw error("\\u needs four hex digits", at: escapeStart) }
        var code: UInt32 = 0
        for _ in 0..<4 {
            let byte = bytes[index]
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default: throw error("\\u needs four hex digits, found \(found())")
            }
            code = code << 4 | UInt32(digit)
            index += 1
        }
        return code
    }

    /// number = [ minus ] int [ frac ] [ exp ] (RFC 8259 §6). Integers that fit are exact.
    mutating func parseNumber() throws -> Value {
        let start = index
        var negative = false
        if bytes[index] == UInt8(ascii: "-") {
            negative = true
            index += 1
        }
        guard index < bytes.count, isDigit(bytes[index]) else {
            throw error("expected a digit after '-', found \(found())")
        }
        // Accumulate negatively so that Int.min parses exactly.
        var accumulator = 0
        var overflow = false
        if bytes[index] == UInt8(ascii: "0") {
            index += 1
            if index < bytes.count && isDigit(bytes[index]) {
                throw error("leading zeros are not allowed in numbers", at: start)
            }
        } else {
            while index < bytes.count, isDigit(bytes[index]) {
                let digit = Int(bytes[index] &- UInt8(ascii: "0"))
                let (times10, o1) = accumulator.multipliedReportingOverflow(by: 10)
                let (next, o2) = times10.subtractingReportingOverflow(digit)
                overflow = overflow || o1 || o2
                accumulator = next
                index += 1
            }
        }
        var isInteger = true
        if index < bytes.count && bytes[index] == UInt8(ascii: ".") {
            isInteger = false
            index += 1
            guard index < bytes.count, isDigit(bytes[index]) else {
                throw error("expected a digit after '.', found \(found())")
            }
            while index < bytes.count, isDigit(bytes[index]) { index += 1 }
        }
        if index < bytes.count && (bytes[index] | 0x20) == UInt8(ascii: "e") {
            isInteger = false
            index += 1
            if index < bytes.count && (bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-"))
            {
                index += 1
            }
            guard index < bytes.count, isDigit(bytes[index]) else {
                throw error("expected a digit in the exponent, found \(found())")
            }
            while index < bytes.count, isDigit(bytes[index]) { index += 1 }
        }
        if isInteger && !overflow {
            if negative { return .int(accumulator) }
            if accumulator != Int.min { return .int(-accumulator) }
        }
        let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
        guard let double = Double(text), double.isFinite else {
            throw error("number \(text) is out of range", at: start)
        }
        return .double(double)
    }

    @inline(__always)
    private func isDigit(_ byte: UInt8) -> Bool { byte &- UInt8(ascii: "0") < 10 }
}
