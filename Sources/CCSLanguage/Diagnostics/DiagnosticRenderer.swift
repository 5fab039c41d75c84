import Foundation

/// The one place errors become text (STYLE.md §9):
///
///     file:line:col: error: message
///     <the source line>
///         ^
///
/// followed, for uncaught runtime errors, by the script frames the error unwound through.
public enum DiagnosticRenderer {
    /// Every compile-time error, each with its line and caret.
    public static func render(_ errors: CompileErrors) -> String {
        errors.errors.map { render(file: errors.file, location: $0.location, message: $0.message, source: errors.source) }
            .joined()
    }

    /// An uncaught runtime error with its stack traceback. An error raised inside a library
    /// module (a file under one of `libraryFolders`, or a module built into the host) is
    /// headed by the line of the user's code that called into the library, which is what
    /// needs changing, with the library's own line after the message and in the traceback.
    /// `sources` gives the text of a file by name, to quote the caller's line.
    public static func render(_ error: ScriptError, libraryFolders: [String] = [],
                              sources: (String) -> SourceFile? = { _ in nil }) -> String {
        var text: String
        if let file = error.file, let location = error.location, isLibrary(file, libraryFolders),
           let caller = error.trace.first(where: { !isLibrary($0.file, libraryFolders) }) {
            let message = error.message + " (raised at \(file):\(location.line):\(location.column))"
            text = render(file: caller.file, location: caller.location, message: message,
                          source: sources(caller.file))
        } else if let location = error.location {
            text = render(file: error.file ?? "<unknown>", location: location, message: error.message, source: error.source)
        } else {
            text = "\(error.file ?? "<unknown>"): error: \(error.message)\n"
        }
        if !error.trace.isEmpty {
            text += "stack traceback:\n"
            // Deep recursion unwinds thousands of frames: show both ends, as Lua does.
            let shown = error.trace.count > 22
                ? Array(error.trace.prefix(10)) + Array(error.trace.suffix(11)) : error.trace
            for (i, entry) in shown.enumerated() {
                if error.trace.count > 22 && i == 10 {
                    text += "  ... (\(error.trace.count - 21) more)\n"
                }
                text += "  \(entry.function) at \(entry.file):\(entry.location.line):\(entry.location.column)\n"
            }
        }
        return text
    }

    static func isLibrary(_ file: String, _ folders: [String]) -> Bool {
        if file.hasPrefix(SourceFile.embeddedPrefix) { return true }
        return folders.contains { folder in
            let prefix = (folder as NSString).standardizingPath
            return file.hasPrefix(prefix.hasSuffix("/") ? prefix : prefix + "/")
        }
    }

    /// One diagnostic: the header line, the quoted source line and a caret under the column.
    public static func render(file: String, location: SourceLocation, message: String, source: SourceFile?) -> String {
        var text = "\(file):\(location.line):\(location.column): error: \(message)\n"
        guard let source, !source.bytes.isEmpty else { return text }
        let (line, caret) = source.quote(offset: location.offset)
        // Keep tabs in the caret's indentation so it lines up under tab-indented code.
        var pad = ""
        for (i, scalar) in line.unicodeScalars.enumerated() where i < caret {
            pad.append(scalar == "\t" ? "\t" : " ")
        }
        text += line + "\n" + pad + "^\n"
        return text
    }
}
