/// The front end's errors for editors (`ccs lsp`): the same lex → parse → resolve as a run,
/// with its errors returned instead of thrown, so that a language server reports exactly what
/// `ccs FILE` would say before running anything.
public enum SourceCheck {
    /// The errors of the first phase that found any, in source order (none when the script
    /// would start running). `registry` supplies the predefined names the resolver accepts.
    public static func errors(in source: SourceFile, registry: BuiltinRegistry) -> [SyntaxError] {
        do {
            _ = try Compiler.compile(source, registry: registry)
            return []
        } catch let errors as CompileErrors {
            return errors.errors
        } catch {
            return [SyntaxError("\(error)", at: SourceLocation(line: 1, column: 1, offset: 0))]
        }
    }
}
