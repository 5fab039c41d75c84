/// Strings and numbers: the token-level half of the parser.
extension JSONReader {
    /// string = quotation-mark *char quotation-mark  (RFC 8259 §7). `index` is at the opening
    /// quote. Plain ASCII strings (the common case for keys and identifiers) are built straight
    /// from the input; strings with escapes or non-ASCII bytes go through `scratch`, where the
    /// UTF-8 is validated as it is copied.
    @inlinable
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

    @inlinable
    mutating func parseStringSlow(openedAt: Int) throws -> String {
        while index < bytes.count {
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: "\""):
                index += 1
                return String(decoding: scratch, as: UTF8.self)
            case UInt8(ascii: "\\"):
                try parseEscape()
            case 0..<0x20:
                throw issue(.controlCharacter(byte))
            case 0x20..<0x80:
                scratch.append(byte)
                index += 1
            default:
                try copyMultiByteScalar()
            }
        }
        throw issue(.unterminatedString(openedAt: openedAt))
    }

    /// Validates one multi-byte UTF-8 sequence (RFC 3629 §4: no overlong forms, no
    /// surrogates, nothing above U+10FFFF) and copies it to `scratch`.
    @inlinable
    mutating func copyMultiByteScalar() throws {
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
        default: throw issue(.invalidUTF8Byte(lead))
        }
        guard bytes.count - index >= length else { throw issue(.truncatedUTF8) }
        let second = bytes[index + 1]
        guard second >= lower && second <= upper else { throw issue(.invalidUTF8) }
        if length > 2 {
            for offset in 2..<length where bytes[index + offset] & 0xC0 != 0x80 {
                throw issue(.invalidUTF8)
            }
        }
        scratch.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[index..<(index + length)]))
        index += length
    }

    /// The escapes of RFC 8259 §7, `\uXXXX` with UTF-16 surrogate pairs.
    @inlinable
    mutating func parseEscape() throws {
        let escapeStart = index
        index += 1
        guard index < bytes.count else { throw issue(.unterminatedEscape, at: escapeStart) }
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
            let code = try parseHex4(escapeStart)
            let scalar = try combineSurrogates(code, escapeStart: escapeStart)
            scratch.append(contentsOf: scalar.utf8)
        default:
            throw issue(.invalidEscape(byte), at: escapeStart)
        }
    }

    /// The scalar a `\u` escape of `code` stands for, reading the low half of a surrogate pair
    /// when one follows. Lone surrogates are replaced or refused as the options say.
    @inlinable
    mutating func combineSurrogates(_ code: UInt32, escapeStart: Int) throws -> Unicode.Scalar {
        let reject = options.loneSurrogates == .reject
        if code >= 0xD800 && code < 0xDC00 {
            guard bytes.count - index >= 2, bytes[index] == UInt8(ascii: "\\"), bytes[index + 1] == UInt8(ascii: "u")
            else {
                if reject { throw issue(.loneHighSurrogate(code), at: escapeStart) }
                return "\u{FFFD}"
            }
            let lowStart = index
            index += 2
            let low = try parseHex4(lowStart)
            guard low >= 0xDC00 && low < 0xE000 else {
                if reject { throw issue(.unpairedHighSurrogate, at: lowStart) }
                // The second escape is read again on its own.
                index = lowStart
                return "\u{FFFD}"
            }
            return Unicode.Scalar(0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)) ?? "\u{FFFD}"
        }
        if code >= 0xDC00 && code < 0xE000 {
            if reject { throw issue(.loneLowSurrogate(code), at: escapeStart) }
            return "\u{FFFD}"
        }
        return Unicode.Scalar(code) ?? "\u{FFFD}"
    }

    @inlinable
    mutating func parseHex4(_ escapeStart: Int) throws -> UInt32 {
        guard bytes.count - index >= 4 else { throw issue(.shortUnicodeEscape, at: escapeStart) }
        var code: UInt32 = 0
        for _ in 0..<4 {
            let byte = bytes[index]
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default: throw issue(.invalidHexDigit(byte))
            }
            code = code << 4 | UInt32(digit)
            index += 1
        }
        return code
    }

    /// number = [ minus ] int [ frac ] [ exp ]  (RFC 8259 §6). Integers that fit `Int` are
    /// exact; every other number is a Double, and one too large for a Double is refused
    /// rather than made infinite, which JSON cannot represent (§6 lets parsers limit range).
    @inlinable
    mutating func parseNumber() throws -> Builder.Value {
        let start = index
        var negative = false
        if bytes[index] == UInt8(ascii: "-") {
            negative = true
            index += 1
        }
        guard index < bytes.count, isDigit(bytes[index]) else { throw issue(.expectedDigitAfterMinus) }
        // Accumulate negatively so that Int.min parses exactly.
        var accumulator = 0
        var overflow = false
        if bytes[index] == UInt8(ascii: "0") {
            index += 1
            if index < bytes.count && isDigit(bytes[index]) { throw issue(.leadingZero(digitAt: index), at: start) }
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
            guard index < bytes.count, isDigit(bytes[index]) else { throw issue(.expectedDigitAfterPoint) }
            while index < bytes.count, isDigit(bytes[index]) { index += 1 }
        }
        if index < bytes.count && (bytes[index] | 0x20) == UInt8(ascii: "e") {
            isInteger = false
            index += 1
            if index < bytes.count && (bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-")) {
                index += 1
            }
            guard index < bytes.count, isDigit(bytes[index]) else { throw issue(.expectedDigitInExponent) }
            while index < bytes.count, isDigit(bytes[index]) { index += 1 }
        }
        if isInteger && !overflow {
            if negative {
                if accumulator == 0 && options.negativeZeroIsDouble { return builder.double(-0.0) }
                return builder.int(accumulator)
            }
            if accumulator != Int.min { return builder.int(-accumulator) }
        }
        let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
        guard let double = Double(text), double.isFinite else { throw issue(.numberOutOfRange(text), at: start) }
        return builder.double(double)
    }

    @inlinable @inline(__always)
    func isDigit(_ byte: UInt8) -> Bool { byte &- UInt8(ascii: "0") < 10 }
}
