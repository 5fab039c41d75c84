/// ANSI colours for REPL output, or none: colour only when output is a terminal and
/// NO_COLOR is unset or empty (https://no-color.org) and TERM is not "dumb".
struct TerminalStyle {
    let enabled: Bool

    static func detect(isTerminal: Bool, environment: [String: String]) -> TerminalStyle {
        let noColor = environment["NO_COLOR"].map { !$0.isEmpty } ?? false
        return TerminalStyle(enabled: isTerminal && !noColor && environment["TERM"] != "dumb")
    }

    private func paint(_ text: String, _ code: String) -> String {
        enabled ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }

    func plain(_ text: String) -> String { text }
    func key(_ text: String) -> String { paint(text, "34") }
    func string(_ text: String) -> String { paint(text, "32") }
    func number(_ text: String) -> String { paint(text, "36") }
    func literal(_ text: String) -> String { paint(text, "35") }
    func dim(_ text: String) -> String { paint(text, "2") }
    func heading(_ text: String) -> String { paint(text, "1;36") }
    func identifier(_ text: String) -> String { paint(text, "1") }
    func error(_ text: String) -> String { paint(text, "31") }
    func mark(_ text: String) -> String { paint(text, "33") }
}
