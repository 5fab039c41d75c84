/// The front end in one call: lex → parse → resolve, stopping after the first phase that
/// reports errors (STYLE.md §7).
enum Compiler {
    /// The largest script accepted. Every token and node of a script is in memory at once;
    /// past this size a script is almost certainly data, which belongs in a file read with
    /// `read_file` and `parse_json`.
    static let maxSourceSize = 32 << 20

    static func compile(_ source: SourceFile, registry: BuiltinRegistry) throws -> Program {
        if source.bytes.count > maxSourceSize {
            let error = SyntaxError(
                "script too large (\(source.bytes.count) bytes; the limit is \(maxSourceSize) bytes)",
                at: SourceLocation(line: 1, column: 1, offset: 0))
            throw CompileErrors(file: source.name, errors: [error], source: source)
        }
        var lexer = Lexer(bytes: source.bytes)
        let tokens = lexer.tokenize()
        var parser = Parser(tokens: tokens, source: source)
        let program = parser.parseProgram()
        // Parser errors after a lexical error are usually its echo: keep the earlier ones only.
        let firstLexical = lexer.errors.map(\.location.offset).min() ?? Int.max
        let syntaxErrors = (lexer.errors + parser.errors.filter { $0.location.offset < firstLexical })
            .sorted { $0.location.offset < $1.location.offset }
        if !syntaxErrors.isEmpty {
            throw CompileErrors(file: source.name, errors: Array(syntaxErrors.prefix(Parser.maxErrors)), source: source)
        }
        var resolver = Resolver(registry: registry)
        resolver.resolve(program)
        if !resolver.errors.isEmpty {
            let sorted = resolver.errors.sorted { $0.location.offset < $1.location.offset }
            throw CompileErrors(file: source.name, errors: Array(sorted.prefix(Parser.maxErrors)), source: source)
        }
        return program
    }
}
