/// An interactive session (the REPL): inputs are compiled and run one after another in one
/// top-level frame, so `let` bindings, functions and imports made by one input are visible
/// to the next. An input that fails to compile leaves the session as it was; one that fails
/// while running keeps what it did before the error (as a script would).
public final class Session {
    public let interpreter: Interpreter
    /// The top-level names declared so far and their slots.
    private let scope = Resolver.FunctionScope()
    /// The top-level frame; it grows as inputs declare names.
    private let frame = Frame(size: 0, parent: nil)

    public init(interpreter: Interpreter) {
        self.interpreter = interpreter
    }

    /// Compiles and runs one input. Returns the value of its last statement when that is an
    /// expression statement (what the REPL shows), nil otherwise. Throws `CompileErrors`,
    /// `ScriptError`, `ScriptExit` or `ScriptInterrupted`.
    public func evaluate(_ source: SourceFile) throws -> Value? {
        let program = try compile(source)
        frame.grow(to: program.frameSize)
        let value = try interpreter.runInSession(program, frame: frame)
        return program.statements.last is ExprStmt ? value : nil
    }

    /// The top-level names declared by earlier inputs, sorted.
    public var names: [String] {
        scope.blocks[0].keys.sorted()
    }

    /// The current value of a top-level name, nil when no input declared it.
    public func value(of name: String) -> Value? {
        guard let slot = scope.blocks[0][name], slot < frame.capacity else { return nil }
        return frame.slots[slot]
    }

    /// Binds a top-level name (declaring it if needed), e.g. `_` for the last result.
    public func bind(_ name: String, to value: Value) {
        var resolver = Resolver(registry: interpreter.registry)
        resolver.functions = [scope]
        let slot = resolver.declare(name)
        frame.grow(to: scope.size)
        frame.slots[slot] = value
    }

    /// lex → parse → resolve against the session's names. On errors the scope is restored,
    /// so a name declared by a rejected input does not linger.
    private func compile(_ source: SourceFile) throws -> Program {
        var lexer = Lexer(bytes: source.bytes)
        let tokens = lexer.tokenize()
        var parser = Parser(tokens: tokens, source: source)
        let program = parser.parseProgram()
        let syntaxErrors = (lexer.errors + parser.errors).sorted { $0.location.offset < $1.location.offset }
        if !syntaxErrors.isEmpty {
            throw CompileErrors(
                file: source.name, errors: Array(syntaxErrors.prefix(Parser.maxErrors)), source: source)
        }
        let saved = (blocks: scope.blocks, size: scope.size)
        var resolver = Resolver(registry: interpreter.registry)
        resolver.resolve(program, continuing: scope)
        if !resolver.errors.isEmpty {
            scope.blocks = saved.blocks
            scope.size = saved.size
            throw CompileErrors(
                file: source.name, errors: Array(resolver.errors.prefix(Parser.maxErrors)), source: source)
        }
        return program
    }
}
