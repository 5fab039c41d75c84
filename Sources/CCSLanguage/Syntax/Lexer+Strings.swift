extension Lexer {
    /// string -> '"' { char | escape | '${' expr '}' } '"'   (or the same with single quotes)
    /// escape -> '\' ( 'n' | 't' | 'r' | '0' | '\' | '"' | "'" | '$' | 'u{' hex+ '}' )
    /// Returns the text, and the parts when the string has `${...}` holes.
    ///
    /// longstring -> '"""' { char | newline | escape | '${' expr '}' } '"""'
    /// A triple-quoted string may span lines; a newline right after the opening quotes is
    /// not part of it, so the text can start on the next line. Escapes and holes work as in
    /// one-line strings.
    mutating func scanString(quote: UInt8, at loc: SourceLocation) -> (String, [TemplatePart]?) {
        let triple = quote == UInt8(ascii: "\"") && peek(1) == quote && peek(2) == quote
        pos += triple ? 3 : 1
        if triple && peek() == 0x0A {
            pos += 1
            line += 1
            lineStart = pos
        } else if triple && peek() == 0x0D && peek(1) == 0x0A {
            pos += 2
            line += 1
            lineStart = pos
        }
        var buffer: [UInt8] = []
        var parts: [TemplatePart] = []
        var hasHoles = false
        while true {
            guard pos < bytes.count else {
                // A long string left open is reported at the end of the input, where more
                // lines could still close it (the REPL then asks for them).
                if !abandoned {
                    errors.append(triple ? SyntaxError("unfinished long string (opened at line \(loc.line))", at: location(pos))
                                         : SyntaxError("unfinished string", at: loc))
                }
                break
            }
            let c = bytes[pos]
            if c == quote && (!triple || (peek(1) == quote && peek(2) == quote)) {
                pos += triple ? 3 : 1
                break
            }
            if c == 0x0A && triple {
                buffer.append(c)
                pos += 1
                line += 1
                lineStart = pos
            } else if c == 0x0A {
                // As in Lua: a raw newline ends an unfinished string (write \n instead), so
                // a missing quote is reported on its own line, not at the end of the file.
                errors.append(SyntaxError("unfinished string", at: loc))
                break
            } else if c == UInt8(ascii: "\\") {
                scanEscape(into: &buffer)
            } else if c == UInt8(ascii: "$") && peek(1) == UInt8(ascii: "{") {
                hasHoles = true
                if !buffer.isEmpty {
                    parts.append(.text(String(decoding: buffer, as: UTF8.self)))
                    buffer.removeAll()
                }
                let holeLoc = location(pos)
                guard holeDepth < Parser.maxDepth else {
                    errors.append(
                        SyntaxError("string interpolation nested too deeply (limit is \(Parser.maxDepth))", at: holeLoc))
                    // Scanning on would only go deeper: give up on the rest of the input.
                    pos = bytes.count
                    abandoned = true
                    break
                }
                pos += 2
                holeDepth += 1
                parts.append(.code(scanHole(at: holeLoc), holeLoc))
                holeDepth -= 1
            } else {
                buffer.append(c)
                pos += 1
            }
        }
        if !hasHoles { return (String(decoding: buffer, as: UTF8.self), nil) }
        if !buffer.isEmpty { parts.append(.text(String(decoding: buffer, as: UTF8.self))) }
        return ("", parts)
    }

    /// The tokens of a `${...}` hole, up to its matching '}' (which is consumed).
    mutating func scanHole(at loc: SourceLocation) -> [Token] {
        var tokens: [Token] = []
        var depth = 0
        while true {
            let token = nextToken()
            switch token.kind {
            case .eof:
                if !abandoned {
                    errors.append(SyntaxError("'}' expected (to close '${' at line \(loc.line))", at: token.location))
                }
                tokens.append(token)
                return tokens
            case .punct(.lbrace):
                depth += 1
            case .punct(.rbrace):
                if depth == 0 {
                    tokens.append(Token(kind: .eof, location: token.location, template: nil, afterNewline: false))
                    return tokens
                }
                depth -= 1
            default:
                break
            }
            tokens.append(token)
        }
    }

    mutating func scanEscape(into buffer: inout [UInt8]) {
        let escLoc = location(pos)
        pos += 1
        guard pos < bytes.count else { return }
        let e = bytes[pos]
        pos += 1
        switch e {
        case UInt8(ascii: "n"): buffer.append(0x0A)
        case UInt8(ascii: "t"): buffer.append(0x09)
        case UInt8(ascii: "r"): buffer.append(0x0D)
        case UInt8(ascii: "0"): buffer.append(0x00)
        case UInt8(ascii: "\\"), UInt8(ascii: "\""), UInt8(ascii: "'"), UInt8(ascii: "$"), UInt8(ascii: "`"):
            buffer.append(e)
        case UInt8(ascii: "u"):
            guard peek() == UInt8(ascii: "{") else {
                errors.append(SyntaxError("missing '{' in \\u{xxxx}", at: escLoc))
                return
            }
            pos += 1
            var value: UInt32 = 0
            var count = 0
            while let digit = hexValue(peek()) {
                value = value &* 16 &+ UInt32(digit)
                count += 1
                pos += 1
                if count > 8 { break }
            }
            guard peek() == UInt8(ascii: "}") else {
                errors.append(SyntaxError("missing '}' in \\u{xxxx}", at: escLoc))
                return
            }
            pos += 1
            guard count > 0, count <= 6, let scalar = UnicodeScalar(value) else {
                errors.append(SyntaxError("invalid Unicode scalar in escape sequence", at: escLoc))
                return
            }
            buffer.append(contentsOf: Array(String(Character(scalar)).utf8))
        default:
            let shown = e < 0x80 ? String(UnicodeScalar(e)) : "?"
            errors.append(SyntaxError("invalid escape sequence '\\\(shown)'", at: escLoc))
        }
    }

    func hexValue(_ c: UInt8) -> Int? {
        switch c {
        case 0x30...0x39: return Int(c - 0x30)
        case 0x41...0x46: return Int(c - 0x41 + 10)
        case 0x61...0x66: return Int(c - 0x61 + 10)
        default: return nil
        }
    }
}
