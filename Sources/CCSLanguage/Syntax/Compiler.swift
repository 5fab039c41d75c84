/// The front end in one call: lex → parse → resolve, stopping after the first phase that
/// reports errors (STYLE.md §7).
enum Compiler {
    static func compile(_ source: SourceFile, registry: BuiltinRegistry) throws -> Program {
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
