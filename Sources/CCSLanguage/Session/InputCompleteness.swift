/// Whether REPL input is finished or continues on the next line. The parser decides: input
/// is unfinished when its first error is at the end of the input (an open bracket or brace,
/// a trailing operator, `let x =`) or when a string or a `${` hole is still open.
public enum InputCompleteness {
    /// True when more lines could complete `text`; false when it is complete or has an error
    /// before its end (then running it reports that error).
    public static func isIncomplete(_ text: String) -> Bool {
        var lexer = Lexer(bytes: Array(text.utf8))
        let tokens = lexer.tokenize()
        guard let end = tokens.last?.location.offset else { return false }
        if lexer.errors.contains(where: { $0.message == "unfinished string" || $0.location.offset >= end }) {
            return true
        }
        if !lexer.errors.isEmpty { return false }
        let source = SourceFile(name: "<repl>", directory: nil, bytes: Array(text.utf8))
        var parser = Parser(tokens: tokens, source: source)
        _ = parser.parseProgram()
        guard let first = parser.errors.min(by: { $0.location.offset < $1.location.offset }) else { return false }
        return first.location.offset >= end
    }
}
