/// A recursive-descent parser producing the AST. The grammar rule each function implements
/// heads it. Errors are worded as in Lua ("near 'tok'", "'}' expected (to close '{' at line
/// 3)"); after an error the parser skips to the next statement and goes on, so one run
/// reports several errors.
struct Parser {
    var tokens: [Token]
    var position = 0
    let source: SourceFile
    var errors: [SyntaxError] = []
    /// Nesting depth of expressions and blocks; bounded so that deeply nested input gives an
    /// error instead of exhausting the stack (Lua's LUAI_MAXCCALLS plays this role).
    var depth = 0
    static let maxDepth = 1000
    static let maxErrors = 20

    /// Thrown to abandon the current statement after an error has been recorded.
    struct Abort: Error {}

    init(tokens: [Token], source: SourceFile) {
        self.tokens = tokens
        self.source = source
    }

    // MARK: - Token helpers

    var current: Token { tokens[position] }

    @inline(__always) mutating func advance() -> Token {
        let token = tokens[position]
        if position < tokens.count - 1 { position += 1 }
        return token
    }

    func check(_ punct: Punct) -> Bool {
        if case .punct(let p) = current.kind { return p == punct }
        return false
    }

    func check(_ keyword: Keyword) -> Bool {
        if case .keyword(let k) = current.kind { return k == keyword }
        return false
    }

    mutating func match(_ punct: Punct) -> Bool {
        guard check(punct) else { return false }
        _ = advance()
        return true
    }

    mutating func match(_ keyword: Keyword) -> Bool {
        guard check(keyword) else { return false }
        _ = advance()
        return true
    }

    /// Records an error at the current token and aborts the statement.
    mutating func fail(_ message: String) -> Abort {
        fail(message, at: current.location)
    }

    mutating func fail(_ message: String, at location: SourceLocation) -> Abort {
        if errors.count < Parser.maxErrors { errors.append(SyntaxError(message, at: location)) }
        return Abort()
    }

    mutating func expect(_ punct: Punct, _ what: String? = nil) throws {
        guard match(punct) else {
            throw fail("'\(punct.rawValue)' expected\(what.map { " " + $0 } ?? "") near \(current.display)")
        }
    }

    /// Lua's check_match: the closing token, naming the opener when it is on another line.
    mutating func expectClosing(_ close: Punct, opening open: String, at openLocation: SourceLocation) throws {
        guard match(close) else {
            if current.location.line == openLocation.line {
                throw fail("'\(close.rawValue)' expected near \(current.display)")
            }
            throw fail("'\(close.rawValue)' expected (to close '\(open)' at line \(openLocation.line)) near \(current.display)")
        }
    }

    mutating func expectName(_ what: String) throws -> String {
        if case .name(let name) = current.kind {
            _ = advance()
            return name
        }
        throw fail("\(what) expected near \(current.display)")
    }

    mutating func enter() throws {
        depth += 1
        if depth > Parser.maxDepth {
            throw fail("too many nested levels (limit is \(Parser.maxDepth)) near \(current.display)")
        }
    }

    mutating func leave() { depth -= 1 }

    // MARK: - Program

    /// program -> { statement [';'] } EOF
    mutating func parseProgram() -> Program {
        var statements: [Stmt] = []
        while true {
            if case .eof = current.kind { break }
            if errors.count >= Parser.maxErrors { break }
            if match(.semicolon) { continue }
            let start = position
            do {
                let statement = try parseStatement(topLevel: true)
                statements.append(statement)
                try endOfStatement(after: statement)
            } catch {
                synchronize(from: start)
            }
        }
        return Program(Parser.hoistingFunctions(statements), source: source)
    }

    /// `fn` declarations run first in their block, so functions can be called above the
    /// line that defines them (and call each other in any order).
    static func hoistingFunctions(_ statements: [Stmt]) -> [Stmt] {
        statements.filter { $0 is FnStmt } + statements.filter { !($0 is FnStmt) }
    }

    /// A statement must end at a newline, ';', '}' or the end of input; as in Lua, one that
    /// ends with its own block (`fn`, `if`, `while`, `for`, `try`, `{ }`) may also be followed
    /// by the next statement on the same line (`fn f(n) { return n } f(0)`), since no
    /// expression can continue after its '}'.
    mutating func endOfStatement(after statement: Stmt) throws {
        if match(.semicolon) { return }
        if position > 0, case .punct(.rbrace) = tokens[position - 1].kind,
            statement is FnStmt || statement is IfStmt || statement is WhileStmt || statement is ForStmt
                || statement is TryStmt || statement is BlockStmt
        {
            return
        }
        if current.afterNewline || check(.rbrace) { return }
        if case .eof = current.kind { return }
        throw fail("unexpected symbol near \(current.display)")
    }

    /// Skips to a token that can start a statement on a new line (panic-mode recovery),
    /// always moving past the token the failed statement started at.
    mutating func synchronize(from start: Int) {
        depth = 0
        if position == start { _ = advance() }
        while true {
            switch current.kind {
            case .eof: return
            case .keyword(let k) where current.afterNewline:
                switch k {
                case .let, .fn, .if, .while, .for, .return, .try, .throw, .import, .break, .continue: return
                default: break
                }
            case .punct(.rbrace):
                break
            case _ where current.afterNewline && current.location.column == 1:
                // An unindented line most likely starts a new top-level statement.
                return
            default: break
            }
            _ = advance()
        }
    }
}
