/// Text that came from outside ccs (a server's message, a tag value, an identifier, a file)
/// made safe to show on a terminal: every character a terminal would act on instead of
/// showing is written visibly, so `ESC [ 2 J` cannot clear the screen, set the window title
/// or hide what follows.
///
/// Escaped: the C0 controls (U+0000–U+001F) except, when layout is kept, newline and tab;
/// DEL (U+007F); the C1 controls (U+0080–U+009F, which include the one-byte CSI U+009B); and
/// the bidirectional overrides and isolates (U+202A–U+202E, U+2066–U+2069), which reorder
/// what is shown (CVE-2021-42574). ASCII ones read `\x1b`, the others `\u{9b}`. A backslash
/// is not doubled, so already escaped text reads the same after a second pass: the result
/// is for people to read, never to be parsed back (issue 16, F13).
///
/// Only for a terminal: data written to a pipe or a file stays exact. The one function for
/// every place that writes untrusted text to a terminal (diagnostics, progress lines, the
/// REPL's value display, `ccs api`'s output on a TTY); it lives in JSONCore, the bottom of the
/// dependency graph, so that every module reaches it.
public enum TerminalText {
    /// `text` with the characters above escaped; `keepingLayout` keeps newlines and tabs.
    public static func escaped(_ text: String, keepingLayout: Bool = true) -> String {
        guard text.unicodeScalars.contains(where: { needsEscape($0, keepingLayout: keepingLayout) }) else {
            return text
        }
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            guard needsEscape(scalar, keepingLayout: keepingLayout) else {
                out.append(scalar)
                continue
            }
            let hex = String(scalar.value, radix: 16)
            let written = scalar.value < 0x80 ? "\\x" + (hex.count < 2 ? "0" + hex : hex) : "\\u{" + hex + "}"
            out.append(contentsOf: written.unicodeScalars)
        }
        return String(out)
    }

    /// Whether a terminal would act on `scalar` rather than show it.
    public static func needsEscape(_ scalar: Unicode.Scalar, keepingLayout: Bool = true) -> Bool {
        switch scalar.value {
        case 0x0A, 0x09: return !keepingLayout
        case 0x00...0x1F, 0x7F...0x9F, 0x202A...0x202E, 0x2066...0x2069: return true
        default: return false
        }
    }
}
