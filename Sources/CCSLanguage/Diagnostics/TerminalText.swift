/// Text from outside (a server's error message, a resource's properties and tags, a file's
/// contents quoted in a diagnostic) made safe to write to a terminal (issue 16, F13).
///
/// A terminal obeys control characters: `ESC [ 2 J` clears the screen, `ESC ] 0 ; ... BEL`
/// sets the window title, and some terminals answer queries by typing into their input. So
/// text bound for a terminal shows each control character as a visible escape instead:
/// C0 controls other than newline and tab, and DEL, as `\x1b`; C1 controls (U+0080–U+009F,
/// where `\u{9b}` is a one-character CSI) and the bidirectional embedding, override and
/// isolate controls (U+202A–U+202E, U+2066–U+2069, which reorder what the reader sees) as
/// `\u{9b}`. Everything else, printable Unicode included, is kept.
///
/// Only for a terminal: data written to a pipe or a file stays exact. The one function for
/// every place that writes untrusted text to a terminal: diagnostics, progress lines, the
/// REPL's value display and `ccs api`'s output on a TTY.
public enum TerminalText {
    /// `text` with its control characters made visible.
    public static func escaped(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: needsEscape) else { return text }
        var result = ""
        result.unicodeScalars.reserveCapacity(text.unicodeScalars.count + 8)
        for scalar in text.unicodeScalars {
            if needsEscape(scalar) {
                result += visible(scalar)
            } else {
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// Whether `escaped` changes `scalar`.
    public static func needsEscape(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x0A, 0x09: return false
        case 0x00...0x1F, 0x7F, 0x80...0x9F: return true
        case 0x202A...0x202E, 0x2066...0x2069: return true
        default: return false
        }
    }

    private static func visible(_ scalar: Unicode.Scalar) -> String {
        let hex = String(scalar.value, radix: 16)
        if scalar.value < 0x80 { return "\\x" + (hex.count < 2 ? "0" + hex : hex) }
        return "\\u{" + hex + "}"
    }
}
