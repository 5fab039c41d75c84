/// Whether REPL input is finished or continues on the next line. The parser decides: input
/// is unfinished when its first error is at the end of the input: an open bracket, brace or
/// `${` hole, a trailing operator, `let x =`. A string left open at the end of a line is
/// not: as in Lua, a raw newline ends a string with an error (write `\n`), so no further
/// line could finish it and the error is shown at once.
public enum InputCompleteness {
    /// True when more lines could complete `text`; false when it is complete or has an error
    /// before its end (then running it reports that error).
    public static func isIncomplete(_ text: String) -> Bool {
        var lexer = Lexer(bytes: Array(text.utf8))
        let tokens = lexer.tokenize()
        guard let end = tokens.last?.location.offset else { return false }
        if !lexer.errors.isEmpty {
            // An open `${` hole is reported at the end (its string, as unfinished, earlier).
            return lexer.errors.contains { $0.location.offset >= end }
        }
        let source = SourceFile(name: "<repl>", directory: nil, bytes: Array(text.utf8))
        var parser = Parser(tokens: tokens, source: source)
        _ = parser.parseProgram()
        guard let first = parser.errors.min(by: { $0.location.offset < $1.location.offset }) else {
            return false
        }
        return first.location.offset >= end
    }
}
