/// Text from outside the program (a server's message, a resource's property, a tag) made safe
/// to show on a terminal: control characters become visible escapes, so that a value holding
/// `ESC [2J` cannot clear the screen, set the window title or fake output (issue 16, F13).
/// Only for what is written to a terminal; data written to a pipe or a file stays exact.
public enum TerminalText {
    /// `text` with every C0 control character but newline and tab written as `\x1b`, DEL as
    /// `\x7f`, and the C1 controls (U+0080 to U+009F, which some terminals take as CSI and OSC
    /// introducers) as `\u{9b}`.
    public static func escapingControlCharacters(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: needsEscape) else { return text }
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            guard needsEscape(scalar) else {
                out.append(scalar)
                continue
            }
            let hex = String(scalar.value, radix: 16)
            let escape = scalar.value < 0x80 ? "\\x" + (hex.count < 2 ? "0" + hex : hex) : "\\u{\(hex)}"
            out.append(contentsOf: escape.unicodeScalars)
        }
        return String(out)
    }

    /// True for the scalars `escapingControlCharacters` rewrites.
    public static func needsEscape(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value == 0x0A || value == 0x09 { return false }
        return value < 0x20 || value == 0x7F || (0x80...0x9F).contains(value)
    }
}
