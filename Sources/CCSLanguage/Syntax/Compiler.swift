/// The front end in one call: lex → parse → resolve, stopping after the first phase that
/// reports errors (STYLE.md §7).
enum Compiler {
    static func compile(_ source: SourceFile, registry: BuiltinRegistry) throws -> Program {
        var lexer = Lexer(bytes: source.bytes)
        let tokens = lexer.tokenize()
        var parser = Parser(tokens: tokens, source: source)
        let program = parser.parseProgram()
        let syntaxErrors = (lexer.errors + parser.errors).sorted { $0.location.offset < $1.location.offset }
        if !syntaxErrors.isEmpty {
            throw CompileErrors(file: source.name, errors: Array(syntaxErrors.prefix(Parser.maxErrors)), source: source)
        }
        var resolver = Resolver(registry: registry)
        resolver.resolve(program)
        if !resolver.errors.isEmpty {
            throw CompileErrors(file: source.name, errors: Array(resolver.errors.prefix(Parser.maxErrors)), source: source)
        }
        return program
    }
}
