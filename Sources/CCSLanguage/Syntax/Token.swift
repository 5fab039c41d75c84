/// A position in a source file: 1-based line and column (in Unicode scalars) and the 0-based
/// byte offset. Every token and every AST node carries one so errors can point at the text.
public struct SourceLocation: Equatable, Sendable {
    public var line: Int
    public var column: Int
    public var offset: Int
    public init(line: Int, column: Int, offset: Int) {
        self.line = line
        self.column = column
        self.offset = offset
    }
}

/// One piece of an interpolated string: literal text or the tokens of a `${...}` hole.
public enum TemplatePart {
    case text(String)
    case code([Token], SourceLocation)
}

/// The kinds of tokens the lexer produces.
public enum TokenKind: Equatable {
    case name(String)
    case int(Int)
    case double(Double)
    case string(String)
    /// A JSONPath literal between backticks: `` `$.a[0]` ``.
    case path(String)
    case keyword(Keyword)
    case punct(Punct)
    case eof

    public static func == (lhs: TokenKind, rhs: TokenKind) -> Bool {
        switch (lhs, rhs) {
        case let (.name(a), .name(b)): return a == b
        case let (.int(a), .int(b)): return a == b
        case let (.double(a), .double(b)): return a == b
        case let (.string(a), .string(b)): return a == b
        case let (.path(a), .path(b)): return a == b
        case let (.keyword(a), .keyword(b)): return a == b
        case let (.punct(a), .punct(b)): return a == b
        case (.eof, .eof): return true
        default: return false
        }
    }
}

/// Reserved words.
public enum Keyword: String, CaseIterable {
    case `let`, fn, `return`, `if`, `else`, `while`, `for`, `in`, `break`, `continue`
    case `try`, `catch`, finally, `throw`, `import`, `as`, `true`, `false`, `null`, and, or, not
}

/// Operators and punctuation.
public enum Punct: String, CaseIterable {
    case lparen = "(", rparen = ")", lbrace = "{", rbrace = "}", lbracket = "[", rbracket = "]"
    case comma = ",", dot = ".", colon = ":", semicolon = ";"
    case plus = "+", minus = "-", star = "*", slash = "/", percent = "%"
    case assign = "=", plusAssign = "+=", minusAssign = "-=", starAssign = "*=", slashAssign = "/="
    case eq = "==", ne = "!=", lt = "<", le = "<=", gt = ">", ge = ">="
    case bang = "!", andAnd = "&&", orOr = "||", pipe = "|", arrow = "=>"
    case questionDot = "?.", questionBracket = "?[", coalesce = "??"
}

/// A lexical token with its location. String tokens with `${...}` holes carry their parts.
public struct Token {
    public var kind: TokenKind
    public var location: SourceLocation
    /// The parts of an interpolated string (kind is `.string("")` then); nil otherwise.
    public var template: [TemplatePart]?
    /// True when a newline separates this token from the previous one.
    public var afterNewline: Bool

    /// How the token reads in an error message: "near 'x'".
    public var display: String {
        switch kind {
        case .name(let n): return "'\(n)'"
        case .int(let i): return "'\(i)'"
        case .double(let d): return "'\(d)'"
        case .string(let s): return template == nil ? "'\"\(s.prefix(20))\"'" : "string"
        case .path(let p): return "'`\(p.prefix(20))`'"
        case .keyword(let k): return "'\(k.rawValue)'"
        case .punct(let p): return "'\(p.rawValue)'"
        case .eof: return "<eof>"
        }
    }
}
