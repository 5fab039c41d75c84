/// Turns the UTF-8 bytes of a script into tokens. Invalid UTF-8 and NUL bytes are errors
/// (reported with their location), never crashes. Columns count Unicode scalars.
public struct Lexer {
    let bytes: [UInt8]
    var pos: Int
    var line: Int
    var lineStart: Int
    /// The last computed location, so that columns are found incrementally (a 100 MB
    /// one-line script must not make the lexer quadratic).
    var cacheOffset: Int
    var cacheColumn: Int
    /// How many `${...}` holes enclose the current position. Holes are scanned recursively,
    /// so their nesting is bounded like the parser's (a 3 MB `"${"${"${...` fed to the fuzz harness overflowed
    /// even the interpreter's 1 GiB stack; docs/FUZZING.md).
    var holeDepth = 0
    /// Set when that bound stopped the scan: the enclosing strings and holes then end at the
    /// end of input without piling up one error each.
    var abandoned = false
    public internal(set) var errors: [SyntaxError] = []

    public init(bytes: [UInt8]) {
        self.bytes = bytes
        self.pos = 0
        self.line = 1
        self.lineStart = 0
        self.cacheOffset = 0
        self.cacheColumn = 1
    }

    /// The location of byte offset `offset` on the current line.
    mutating func location(_ offset: Int) -> SourceLocation {
        if cacheOffset < lineStart || cacheOffset > offset {
            cacheOffset = lineStart
            cacheColumn = 1
        }
        var i = cacheOffset
        var column = cacheColumn
        while i < offset && i < bytes.count {
            if bytes[i] & 0xC0 != 0x80 { column += 1 }
            i += 1
        }
        cacheOffset = offset
        cacheColumn = column
        return SourceLocation(line: line, column: column, offset: offset)
    }

    /// Scans every token up to the end of input. The last token is always `.eof`.
    public mutating func tokenize() -> [Token] {
        if let bad = Lexer.firstInvalidByte(bytes) {
            for i in 0..<bad.offset where bytes[i] == 0x0A {
                line += 1
                lineStart = i + 1
            }
            let at = location(bad.offset)
            errors.append(SyntaxError(bad.message, at: at))
            return [Token(kind: .eof, location: at, template: nil, afterNewline: true)]
        }
        var tokens: [Token] = []
        while true {
            let token = nextToken()
            tokens.append(token)
            if case .eof = token.kind { break }
        }
        return tokens
    }

    /// Finds the first NUL byte or invalid UTF-8 sequence (RFC 3629 §4: no overlongs, no
    /// surrogates, nothing above U+10FFFF).
    static func firstInvalidByte(_ bytes: [UInt8]) -> (offset: Int, message: String)? {
        var i = 0
        let n = bytes.count
        while i < n {
            let b = bytes[i]
            if b < 0x80 {
                if b == 0 { return (i, "NUL byte in source") }
                i += 1
                continue
            }
            var need = 0
            var minimum: UInt32 = 0
            var scalar: UInt32 = 0
            switch b {
            case 0xC2...0xDF: need = 1; minimum = 0x80; scalar = UInt32(b & 0x1F)
            case 0xE0...0xEF: need = 2; minimum = 0x800; scalar = UInt32(b & 0x0F)
            case 0xF0...0xF4: need = 3; minimum = 0x10000; scalar = UInt32(b & 0x07)
            default: return (i, "invalid UTF-8 byte 0x\(String(b, radix: 16, uppercase: true))")
            }
            for k in 1...need {
                guard i + k < n else { return (i, "truncated UTF-8 sequence") }
                let c = bytes[i + k]
                guard c & 0xC0 == 0x80 else { return (i, "invalid UTF-8 sequence") }
                scalar = scalar << 6 | UInt32(c & 0x3F)
            }
            if scalar < minimum || (0xD800...0xDFFF).contains(scalar) || scalar > 0x10FFFF {
                return (i, "invalid UTF-8 sequence")
            }
            i += need + 1
        }
        return nil
    }

    // MARK: - Scanning

    @inline(__always) func peek(_ ahead: Int = 0) -> UInt8 {
        let i = pos + ahead
        return i < bytes.count ? bytes[i] : 0
    }

    /// Skips spaces, newlines and `#` comments; returns whether a newline was crossed.
    mutating func skipTrivia() -> Bool {
        var sawNewline = false
        while pos < bytes.count {
            let c = bytes[pos]
            if c == 0x20 || c == 0x09 || c == 0x0D {
                pos += 1
            } else if c == 0x0A {
                pos += 1
                line += 1
                lineStart = pos
                sawNewline = true
            } else if c == UInt8(ascii: "#") {
                while pos < bytes.count && bytes[pos] != 0x0A { pos += 1 }
            } else {
                break
            }
        }
        return sawNewline
    }

    mutating func nextToken() -> Token {
        let newline = skipTrivia()
        let start = pos
        let loc = location(start)
        func make(_ kind: TokenKind) -> Token {
            Token(kind: kind, location: loc, template: nil, afterNewline: newline)
        }
        guard pos < bytes.count else { return make(.eof) }
        let c = bytes[pos]
        if isIdentStart(c) {
            while pos < bytes.count && isIdentPart(bytes[pos]) { pos += 1 }
            let word = String(decoding: bytes[start..<pos], as: UTF8.self)
            if let keyword = Keyword(rawValue: word) { return make(.keyword(keyword)) }
            return make(.name(word))
        }
        if isDigit(c) { return make(scanNumber(at: loc)) }
        if c == UInt8(ascii: "\"") || c == UInt8(ascii: "'") {
            var token = make(.string(""))
            let (text, parts) = scanString(quote: c, at: loc)
            token.kind = .string(text)
            token.template = parts
            return token
        }
        if c == UInt8(ascii: "`") {
            pos += 1
            let from = pos
            while pos < bytes.count && bytes[pos] != UInt8(ascii: "`") && bytes[pos] != 0x0A { pos += 1 }
            let text = String(decoding: bytes[from..<pos], as: UTF8.self)
            if pos < bytes.count && bytes[pos] == UInt8(ascii: "`") {
                pos += 1
            } else {
                errors.append(SyntaxError("unfinished path literal", at: loc))
            }
            return make(.path(text))
        }
        if let punct = scanPunct() { return make(.punct(punct)) }
        pos += 1
        let shown = c < 0x80 ? String(UnicodeScalar(c)) : "\\x" + String(c, radix: 16)
        errors.append(SyntaxError("unexpected symbol near '\(shown)'", at: loc))
        return nextToken()
    }

    mutating func scanPunct() -> Punct? {
        let c = peek(), d = peek(1)
        let two: Punct?
        switch (c, d) {
        case (UInt8(ascii: "+"), UInt8(ascii: "=")): two = .plusAssign
        case (UInt8(ascii: "-"), UInt8(ascii: "=")): two = .minusAssign
        case (UInt8(ascii: "*"), UInt8(ascii: "=")): two = .starAssign
        case (UInt8(ascii: "/"), UInt8(ascii: "=")): two = .slashAssign
        case (UInt8(ascii: "="), UInt8(ascii: "=")): two = .eq
        case (UInt8(ascii: "!"), UInt8(ascii: "=")): two = .ne
        case (UInt8(ascii: "<"), UInt8(ascii: "=")): two = .le
        case (UInt8(ascii: ">"), UInt8(ascii: "=")): two = .ge
        case (UInt8(ascii: "&"), UInt8(ascii: "&")): two = .andAnd
        case (UInt8(ascii: "|"), UInt8(ascii: "|")): two = .orOr
        case (UInt8(ascii: "="), UInt8(ascii: ">")): two = .arrow
        case (UInt8(ascii: "?"), UInt8(ascii: ".")): two = .questionDot
        case (UInt8(ascii: "?"), UInt8(ascii: "[")): two = .questionBracket
        case (UInt8(ascii: "?"), UInt8(ascii: "?")): two = .coalesce
        default: two = nil
        }
        if let two {
            pos += 2
            return two
        }
        let one: Punct?
        switch c {
        case UInt8(ascii: "("): one = .lparen
        case UInt8(ascii: ")"): one = .rparen
        case UInt8(ascii: "{"): one = .lbrace
        case UInt8(ascii: "}"): one = .rbrace
        case UInt8(ascii: "["): one = .lbracket
        case UInt8(ascii: "]"): one = .rbracket
        case UInt8(ascii: ","): one = .comma
        case UInt8(ascii: "."): one = .dot
        case UInt8(ascii: ":"): one = .colon
        case UInt8(ascii: ";"): one = .semicolon
        case UInt8(ascii: "+"): one = .plus
        case UInt8(ascii: "-"): one = .minus
        case UInt8(ascii: "*"): one = .star
        case UInt8(ascii: "/"): one = .slash
        case UInt8(ascii: "%"): one = .percent
        case UInt8(ascii: "="): one = .assign
        case UInt8(ascii: "<"): one = .lt
        case UInt8(ascii: ">"): one = .gt
        case UInt8(ascii: "!"): one = .bang
        case UInt8(ascii: "|"): one = .pipe
        default: one = nil
        }
        if one != nil { pos += 1 }
        return one
    }

    @inline(__always) func isIdentStart(_ c: UInt8) -> Bool {
        (c >= 0x61 && c <= 0x7A) || (c >= 0x41 && c <= 0x5A) || c == 0x5F
    }
    @inline(__always) func isIdentPart(_ c: UInt8) -> Bool { isIdentStart(c) || isDigit(c) }
    @inline(__always) func isDigit(_ c: UInt8) -> Bool { c >= 0x30 && c <= 0x39 }

    /// number -> digits ['.' digits] [('e'|'E') ['+'|'-'] digits]; '_' may separate digits.
    mutating func scanNumber(at loc: SourceLocation) -> TokenKind {
        var text = ""
        var isFloat = false
        func digits(_ lexer: inout Lexer, into text: inout String) {
            while lexer.pos < lexer.bytes.count {
                let c = lexer.bytes[lexer.pos]
                if lexer.isDigit(c) {
                    text.unicodeScalars.append(UnicodeScalar(c))
                } else if c != UInt8(ascii: "_") {
                    break
                }
                lexer.pos += 1
            }
        }
        digits(&self, into: &text)
        if peek() == UInt8(ascii: "."), isDigit(peek(1)) {
            isFloat = true
            text += "."
            pos += 1
            digits(&self, into: &text)
        }
        if peek() == UInt8(ascii: "e") || peek() == UInt8(ascii: "E") {
            let sign = peek(1) == UInt8(ascii: "+") || peek(1) == UInt8(ascii: "-")
            if isDigit(peek(sign ? 2 : 1)) {
                isFloat = true
                text += "e"
                if sign { text.unicodeScalars.append(UnicodeScalar(peek(1))) }
                pos += sign ? 2 : 1
                digits(&self, into: &text)
            }
        }
        if isIdentStart(peek()) {
            errors.append(SyntaxError("malformed number near '\(text)\(UnicodeScalar(peek()))'", at: loc))
            while isIdentPart(peek()) { pos += 1 }
        }
        if !isFloat, let value = Int(text) { return .int(value) }
        if let value = Double(text) { return .double(value) }
        errors.append(SyntaxError("malformed number near '\(text)'", at: loc))
        return .int(0)
    }
}
