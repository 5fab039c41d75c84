import OrderedCollections

/// A strict RFC 8259 parser over UTF-8 bytes.
///
/// Strict means: one value with optional whitespace around it, no comments, no trailing
/// commas, no leading zeros or `+`, no bare control characters in strings, valid UTF-8 and
/// valid escapes only. A lone surrogate escape (`\uD800`) is replaced by U+FFFD, since a Swift
/// `String` cannot hold it (RFC 8259 §8.2 leaves this case to implementations). Duplicate
/// member names keep the last value (§4 leaves this open too). Nesting deeper than
/// `maxDepth` is refused so hostile input cannot exhaust the stack.
public struct JSONParser {
    /// The default nesting limit for arrays and objects.
    public static let defaultMaxDepth = 512

    private let bytes: [UInt8]
    private var pos = 0
    private let maxDepth: Int

    private init(bytes: [UInt8], maxDepth: Int) {
        self.bytes = bytes
        self.maxDepth = maxDepth
    }

    /// Parses one JSON text from UTF-8 bytes.
    public static func parse<Bytes: Collection>(_ input: Bytes, maxDepth: Int = defaultMaxDepth) throws
        -> JSONValue
    where Bytes.Element == UInt8 {
        var parser = JSONParser(bytes: Array(input), maxDepth: maxDepth)
        return try parser.parseDocument()
    }

    /// Parses one JSON text from a string.
    public static func parse(_ text: String, maxDepth: Int = defaultMaxDepth) throws -> JSONValue {
        try parse(Array(text.utf8), maxDepth: maxDepth)
    }

    // JSON-text = ws value ws  (RFC 8259 §2)
    private mutating func parseDocument() throws -> JSONValue {
        // A UTF-8 byte order mark is not part of JSON text (§8.1: implementations MUST NOT add
        // one and MAY ignore one); we refuse it to stay strict.
        skipWhitespace()
        let value = try parseValue(depth: 0)
        skipWhitespace()
        if pos < bytes.count { throw error("unexpected \(describeByte(bytes[pos])) after the document") }
        return value
    }

    // value = false / null / true / object / array / number / string  (§3)
    private mutating func parseValue(depth: Int) throws -> JSONValue {
        guard pos < bytes.count else { throw error("unexpected end of input, expected a value") }
        switch bytes[pos] {
        case UInt8(ascii: "{"): return try parseObject(depth: depth + 1)
        case UInt8(ascii: "["): return try parseArray(depth: depth + 1)
        case UInt8(ascii: "\""): return .string(try parseString())
        case UInt8(ascii: "t"): try expectWord("true"); return .bool(true)
        case UInt8(ascii: "f"): try expectWord("false"); return .bool(false)
        case UInt8(ascii: "n"): try expectWord("null"); return .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return try parseNumber()
        default: throw error("unexpected \(describeByte(bytes[pos])), expected a value")
        }
    }

    // object = begin-object [ member *( value-separator member ) ] end-object  (§4)
    private mutating func parseObject(depth: Int) throws -> JSONValue {
        if depth > maxDepth { throw error("nesting deeper than \(maxDepth) levels") }
        pos += 1
        var members = OrderedDictionary<String, JSONValue>()
        skipWhitespace()
        if peek() == UInt8(ascii: "}") { pos += 1; return .object(members) }
        while true {
            skipWhitespace()
            guard peek() == UInt8(ascii: "\"") else { throw error("expected a member name string") }
            let key = try parseString()
            skipWhitespace()
            guard peek() == UInt8(ascii: ":") else { throw error("expected ':' after member name") }
            pos += 1
            skipWhitespace()
            members[key] = try parseValue(depth: depth)
            skipWhitespace()
            switch peek() {
            case UInt8(ascii: ","): pos += 1
            case UInt8(ascii: "}"): pos += 1; return .object(members)
            default: throw error("expected ',' or '}' in object")
            }
        }
    }

    // array = begin-array [ value *( value-separator value ) ] end-array  (§5)
    private mutating func parseArray(depth: Int) throws -> JSONValue {
        if depth > maxDepth { throw error("nesting deeper than \(maxDepth) levels") }
        pos += 1
        var elements: [JSONValue] = []
        skipWhitespace()
        if peek() == UInt8(ascii: "]") { pos += 1; return .array(elements) }
        while true {
            skipWhitespace()
            elements.append(try parseValue(depth: depth))
            skipWhitespace()
            switch peek() {
            case UInt8(ascii: ","): pos += 1
            case UInt8(ascii: "]"): pos += 1; return .array(elements)
            default: throw error("expected ',' or ']' in array")
            }
        }
    }

    // number = [ minus ] int [ frac ] [ exp ]  (§6)
    private mutating func parseNumber() throws -> JSONValue {
        let start = pos
        var isInteger = true
        if peek() == UInt8(ascii: "-") { pos += 1 }
        guard let first = peek(), isDigit(first) else { throw error("expected a digit in number") }
        if first == UInt8(ascii: "0") {
            pos += 1
            if let next = peek(), isDigit(next) { throw error("leading zeros are not allowed in numbers") }
        } else {
            while let c = peek(), isDigit(c) { pos += 1 }
        }
        if peek() == UInt8(ascii: ".") {
            isInteger = false
            pos += 1
            guard let c = peek(), isDigit(c) else { throw error("expected a digit after '.'") }
            while let c = peek(), isDigit(c) { pos += 1 }
        }
        if peek() == UInt8(ascii: "e") || peek() == UInt8(ascii: "E") {
            isInteger = false
            pos += 1
            if peek() == UInt8(ascii: "+") || peek() == UInt8(ascii: "-") { pos += 1 }
            guard let c = peek(), isDigit(c) else { throw error("expected a digit in exponent") }
            while let c = peek(), isDigit(c) { pos += 1 }
        }
        let text = String(decoding: bytes[start..<pos], as: UTF8.self)
        // "-0" stays a double so its sign survives a round trip.
        if isInteger, text != "-0", let i = Int(text) { return .int(i) }
        // A number too large for a double is refused rather than turned into infinity, which
        // JSON cannot represent (§6 lets implementations limit range).
        guard let d = Double(text), d.isFinite else { throw error("number out of range: \(text)", at: start) }
        return .double(d)
    }

    // string = quotation-mark *char quotation-mark  (§7)
    private mutating func parseString() throws -> String {
        pos += 1
        var out: [UInt8] = []
        var runStart = pos
        while true {
            guard pos < bytes.count else { throw error("unterminated string") }
            let c = bytes[pos]
            if c == UInt8(ascii: "\"") {
                out.append(contentsOf: bytes[runStart..<pos])
                pos += 1
                break
            } else if c == UInt8(ascii: "\\") {
                out.append(contentsOf: bytes[runStart..<pos])
                try parseEscape(into: &out)
                runStart = pos
            } else if c < 0x20 {
                throw error("control character \(describeByte(c)) must be escaped in strings")
            } else if c < 0x80 {
                pos += 1
            } else {
                try skipUTF8Sequence()
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    private mutating func parseEscape(into out: inout [UInt8]) throws {
        pos += 1
        guard let c = peek() else { throw error("unterminated escape") }
        pos += 1
        switch c {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): out.append(c)
        case UInt8(ascii: "b"): out.append(0x08)
        case UInt8(ascii: "f"): out.append(0x0C)
        case UInt8(ascii: "n"): out.append(0x0A)
        case UInt8(ascii: "r"): out.append(0x0D)
        case UInt8(ascii: "t"): out.append(0x09)
        case UInt8(ascii: "u"):
            var scalar = try parseHex4()
            if (0xD800...0xDBFF).contains(scalar) {
                // A high surrogate pairs with a following \uDC00-\uDFFF escape (§7).
                if pos + 1 < bytes.count, bytes[pos] == UInt8(ascii: "\\"),
                    bytes[pos + 1] == UInt8(ascii: "u")
                {
                    let save = pos
                    pos += 2
                    let low = try parseHex4()
                    if (0xDC00...0xDFFF).contains(low) {
                        scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                    } else {
                        pos = save
                        scalar = 0xFFFD
                    }
                } else {
                    scalar = 0xFFFD
                }
            } else if (0xDC00...0xDFFF).contains(scalar) {
                scalar = 0xFFFD
            }
            let s = Unicode.Scalar(scalar) ?? "\u{FFFD}"
            out.append(contentsOf: Array(String(Character(s)).utf8))
        default:
            throw error("invalid escape '\\\(String(decoding: [c], as: UTF8.self))'", at: pos - 2)
        }
    }

    private mutating func parseHex4() throws -> UInt32 {
        guard pos + 4 <= bytes.count else { throw error("incomplete \\u escape") }
        var v: UInt32 = 0
        for _ in 0..<4 {
            let c = bytes[pos]
            let d: UInt32
            switch c {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): d = UInt32(c - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f"): d = UInt32(c - UInt8(ascii: "a") + 10)
            case UInt8(ascii: "A")...UInt8(ascii: "F"): d = UInt32(c - UInt8(ascii: "A") + 10)
            default: throw error("invalid hex digit \(describeByte(c)) in \\u escape")
            }
            v = v << 4 | d
            pos += 1
        }
        return v
    }

    /// Validates one multi-byte UTF-8 sequence (RFC 3629 §4) and moves past it.
    private mutating func skipUTF8Sequence() throws {
        let c = bytes[pos]
        let length: Int
        var lower: UInt8 = 0x80
        var upper: UInt8 = 0xBF
        switch c {
        case 0xC2...0xDF: length = 2
        case 0xE0: length = 3; lower = 0xA0
        case 0xE1...0xEC, 0xEE...0xEF: length = 3
        case 0xED: length = 3; upper = 0x9F
        case 0xF0: length = 4; lower = 0x90
        case 0xF1...0xF3: length = 4
        case 0xF4: length = 4; upper = 0x8F
        default: throw error("invalid UTF-8 byte \(describeByte(c))")
        }
        guard pos + length <= bytes.count else { throw error("truncated UTF-8 sequence") }
        let second = bytes[pos + 1]
        guard second >= lower && second <= upper else { throw error("invalid UTF-8 sequence") }
        for i in 2..<max(2, length) where !(0x80...0xBF).contains(bytes[pos + i]) {
            throw error("invalid UTF-8 sequence")
        }
        pos += length
    }

    private mutating func expectWord(_ word: String) throws {
        let start = pos
        for b in word.utf8 {
            guard pos < bytes.count, bytes[pos] == b else {
                throw error("invalid literal, expected '\(word)'", at: start)
            }
            pos += 1
        }
    }

    // ws = *( %x20 / %x09 / %x0A / %x0D )  (§2)
    private mutating func skipWhitespace() {
        while pos < bytes.count {
            switch bytes[pos] {
            case 0x20, 0x09, 0x0A, 0x0D: pos += 1
            default: return
            }
        }
    }

    private func peek() -> UInt8? { pos < bytes.count ? bytes[pos] : nil }
    private func isDigit(_ c: UInt8) -> Bool { c >= UInt8(ascii: "0") && c <= UInt8(ascii: "9") }

    private func describeByte(_ c: UInt8) -> String {
        if c >= 0x21 && c < 0x7F { return "'\(String(decoding: [c], as: UTF8.self))'" }
        return "byte 0x" + String(c, radix: 16, uppercase: true)
    }

    private func error(_ message: String, at offset: Int? = nil) -> JSONParseError {
        let at = min(offset ?? pos, bytes.count)
        var line = 1
        var column = 1
        for b in bytes[0..<at] {
            if b == 0x0A { line += 1; column = 1 } else { column += 1 }
        }
        return JSONParseError(message: message, offset: at, line: line, column: column)
    }
}
