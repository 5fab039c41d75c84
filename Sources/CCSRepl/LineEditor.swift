import JSONCore
import CCSLanguage
import CEditLine
import Foundation

/// The one Swift type over libedit (STYLE.md §2): reads lines with emacs key bindings and
/// in-memory history, calls back for Tab completion, and turns Ctrl-C into an "abandon
/// this line" result instead of a signal while a line is being edited.
final class LineEditor {
    /// What one call to `readLine` produced.
    enum Input: Equatable {
        case line(String)
        /// Ctrl-C was pressed while editing.
        case interrupted
        /// Ctrl-D on an empty line, or the end of input.
        case endOfInput
    }

    /// Computes completions for the text before the cursor.
    typealias CompletionSource = (String) -> Completion

    private let editLine: OpaquePointer
    private let history: OpaquePointer
    /// The prompt as a C string that stays valid while libedit may read it.
    private var promptStorage: UnsafeMutablePointer<CChar>
    private var interruptPressed = false
    private let output: UnsafeMutablePointer<FILE>
    var completionSource: CompletionSource?

    /// Sets up libedit on the process's terminal, or returns nil when it cannot.
    init?(programName: String, historySize: Int) {
        guard let editLine = el_init(programName, stdin, stdout, stderr), let history = ccs_history_open()
        else {
            return nil
        }
        self.editLine = editLine
        self.history = history
        self.output = stdout
        self.promptStorage = strdup("") ?? UnsafeMutablePointer<CChar>.allocate(capacity: 1)
        _ = ccs_history_set_size(history, Int32(clamping: historySize))
        _ = ccs_history_set_unique(history, 1)
        _ = ccs_el_set_editor(editLine, "emacs")
        _ = ccs_el_set_history(editLine, history)
        _ = ccs_el_set_client_data(editLine, Unmanaged.passUnretained(self).toOpaque())
        _ = ccs_el_set_prompt(editLine) { editLine in
            guard let editLine, let raw = ccs_el_get_client_data(editLine) else { return nil }
            return UnsafePointer(Unmanaged<LineEditor>.fromOpaque(raw).takeUnretainedValue().promptStorage)
        }
        _ = ccs_el_add_function(editLine, "ccs-complete", "Complete the word before the cursor") {
            editLine, _ in
            guard let editLine, let raw = ccs_el_get_client_data(editLine) else { return UInt8(CC_ERROR) }
            return Unmanaged<LineEditor>.fromOpaque(raw).takeUnretainedValue().complete()
        }
        _ = ccs_el_add_function(editLine, "ccs-interrupt", "Abandon the line being edited") { editLine, _ in
            guard let editLine, let raw = ccs_el_get_client_data(editLine) else { return UInt8(CC_ERROR) }
            Unmanaged<LineEditor>.fromOpaque(raw).takeUnretainedValue().interruptPressed = true
            return UInt8(CC_NEWLINE)
        }
        _ = ccs_el_add_function(editLine, "ccs-suspend", "Suspend ccs (job control)") { _, _ in
            // With the terminal's signal keys off while editing (below), Ctrl-Z is a key: send
            // the stop signal the terminal would have sent to the foreground process group.
            // libedit (EL_SIGNAL) restores the terminal before stopping and after continuing.
            kill(0, SIGTSTP)
            return UInt8(CC_REDISPLAY)
        }
        _ = ccs_el_set_signal(editLine, 1)
        // Ctrl-L clears the screen and redraws the line being edited at the top.
        _ = ccs_el_bind(editLine, "^L", "ed-clear-screen")
        _ = ccs_el_bind(editLine, "^Z", "ccs-suspend")
        _ = ccs_el_bind(editLine, "^I", "ccs-complete")
        // While editing, Ctrl-C is a key (not SIGINT) so it can abandon the line; libedit
        // restores the terminal's own setting, and with it SIGINT, whenever el_gets returns.
        _ = ccs_el_setty(editLine, "-isig")
        _ = ccs_el_bind(editLine, "^C", "ccs-interrupt")
    }

    deinit {
        el_end(editLine)
        history_end(history)
        free(promptStorage)
    }

    /// Reads one line after showing `prompt`.
    func readLine(prompt: String) -> Input {
        free(promptStorage)
        promptStorage = strdup(prompt) ?? UnsafeMutablePointer<CChar>.allocate(capacity: 1)
        interruptPressed = false
        var count: Int32 = 0
        guard let line = el_gets(editLine, &count) else {
            if interruptPressed {
                write("^C\n")
                return .interrupted
            }
            return .endOfInput
        }
        if interruptPressed {
            write("^C\n")
            return .interrupted
        }
        var text = String(cString: line)
        if text.hasSuffix("\n") { text.removeLast() }
        return .line(text)
    }

    /// The terminal's rows and columns, as libedit tracks them (after a resize too); nil
    /// when it does not know.
    var size: (rows: Int, columns: Int)? {
        var rows: Int32 = 0
        var columns: Int32 = 0
        ccs_el_get_size(editLine, &rows, &columns)
        return rows > 0 && columns > 0 ? (Int(rows), Int(columns)) : nil
    }

    /// Adds an entry to the in-memory history (Up/Down, Ctrl-R). An entry of several lines
    /// comes back whole: libedit shows its newlines as line breaks, and Enter returns them.
    func remember(_ line: String) {
        _ = ccs_history_enter(history, line)
    }

    /// Writes text to the terminal immediately.
    func write(_ text: String) {
        fputs(text, output)
        fflush(output)
    }

    /// The Tab key: replaces the word before the cursor by the candidates' common prefix,
    /// or lists the candidates when there is nothing more to insert.
    private func complete() -> UInt8 {
        guard let completionSource, let info = el_line(editLine)?.pointee, let start = info.buffer else {
            return UInt8(CC_ERROR)
        }
        let length = info.cursor - start
        let before = String(decoding: UnsafeRawBufferPointer(start: start, count: length), as: UTF8.self)
        let completion = completionSource(before)
        if completion.candidates.isEmpty { return UInt8(CC_REFRESH_BEEP) }
        let common = Completion.commonPrefix(completion.candidates)
        if common.count > completion.word.count, common.hasPrefix(completion.word) {
            el_deletestr(editLine, Int32(completion.word.count))
            _ = el_insertstr(editLine, common)
            return UInt8(CC_REFRESH)
        }
        if completion.candidates.count == 1 { return UInt8(CC_REFRESH) }
        // Candidates can be identifiers from the account: shown escaped.
        let width = size?.columns ?? 80
        write("\n" + TerminalText.escaped(Completion.columns(completion.candidates, width: width)) + "\n")
        return UInt8(CC_REDISPLAY)
    }
}
