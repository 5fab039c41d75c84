import CCSLanguage
import Foundation

/// The interactive prompt: reads inputs with libedit (multi-line when the parser says the
/// input is unfinished), runs them in one `Session`, prints results and errors, and never
/// ends on an error. Ctrl-C abandons the input being typed or stops the running evaluation;
/// Ctrl-D on an empty line or `:quit` leaves.
public final class Repl {
    let session: Session
    let host: ScriptHost
    let configuration: ReplConfiguration
    let style: TerminalStyle
    let catalog: TypeCatalog
    var interruption: Interruption { configuration.interruption }
    let history: HistoryFile?
    /// The inputs that ran without error, in order: what `:save` writes.
    var transcript: [String] = []
    /// The last result shown, for `:all`.
    var lastResult: Value?
    /// Set by `exit()` or `:quit`: the status the REPL ends with.
    var exitStatus: Int32?
    private var editor: LineEditor?
    private var pending: [String] = []

    init(registry: BuiltinRegistry, host: ScriptHost, configuration: ReplConfiguration) {
        let interpreter = Interpreter(registry: registry, host: host)
        interpreter.interruption = configuration.interruption
        self.session = Session(interpreter: interpreter)
        self.host = host
        self.configuration = configuration
        self.style = TerminalStyle.detect(isTerminal: isatty(1) == 1, environment: configuration.environment)
        self.catalog = TypeCatalog(interpreter: interpreter)
        self.history = configuration.historyPath.map {
            HistoryFile(path: $0, limit: configuration.historyLimit)
        }
    }

    /// Runs the prompt until Ctrl-D, `:quit` or `exit(n)` and returns the exit status. Call on
    /// the main thread with a terminal on standard input: SIGINT handling is set up here
    /// before any other thread starts, and the session runs on a large-stack thread so deep
    /// recursion is an error, not a crash.
    public static func run(registry: BuiltinRegistry, host: ScriptHost, configuration: ReplConfiguration)
        -> Int32
    {
        let repl = Repl(registry: registry, host: host, configuration: configuration)
        InterruptWatcher.start(requesting: repl.interruption)
        return LargeStack.run { repl.loop() }
    }

    private func loop() -> Int32 {
        guard let editor = LineEditor(programName: "ccs", historySize: configuration.historyLimit) else {
            writeError("ccs: cannot set up line editing on this terminal\n")
            return 1
        }
        self.editor = editor
        for entry in history?.load() ?? [] { editor.remember(entry) }
        editor.completionSource = { [unowned self] line in
            Completer(session: session, catalog: catalog).complete(
                pending: pending.joined(separator: "\n"), line: line)
        }
        while exitStatus == nil {
            switch editor.readLine(prompt: pending.isEmpty ? "ccs> " : "...  ") {
            case .endOfInput:
                editor.write("\n")
                return 0
            case .interrupted:
                pending = []
            case .line(let line):
                accept(line)
            }
        }
        return exitStatus ?? 0
    }

    /// One line typed at the prompt: a meta-command, the end of an input, or part of one.
    private func accept(_ line: String) {
        let isBlank = line.allSatisfy(\.isWhitespace)
        if isBlank {
            pending = []  // a blank line abandons an unfinished input
            return
        }
        if pending.isEmpty, line.hasPrefix(":") {
            record(line, entryStart: line)
            runMetaCommand(line)
            return
        }
        record(line, entryStart: pending.first ?? line)
        pending.append(line)
        let text = pending.joined(separator: "\n")
        if InputCompleteness.isIncomplete(text) { return }
        pending = []
        if evaluate(text, name: "<repl>", directory: nil) { transcript.append(text) }
    }

    /// Puts a line in the history unless its input began with a space.
    private func record(_ line: String, entryStart: String) {
        guard HistoryFile.shouldRecord(entryStart), !line.allSatisfy(\.isWhitespace) else { return }
        editor?.remember(line)
        if let problem = history?.append(line) { writeError("ccs: history not saved: \(problem)\n") }
    }

    /// Runs an input and shows its result or error; true when it ran without error.
    @discardableResult
    func evaluate(_ text: String, name: String, directory: String?, show: Bool = true) -> Bool {
        interruption.reset()
        let source = SourceFile(name: name, directory: directory, bytes: Array(text.utf8))
        do {
            let value = try session.evaluate(source)
            host.output.flush()
            if let value, !value.isNull {
                lastResult = value
                let rendered = try ValuePrinter(style: style, maxItems: configuration.maxItems).render(value)
                session.bind("_", to: rendered.shown)
                if show { writeResult(rendered.text) }
            }
            return true
        } catch let errors as CompileErrors {
            host.output.flush()
            writeError(colourise(DiagnosticRenderer.render(errors)))
        } catch let failure as ScriptError {
            host.output.flush()
            writeError(colourise(DiagnosticRenderer.render(failure)))
        } catch let exit as ScriptExit {
            host.output.flush()
            exitStatus = exit.status
            return true
        } catch is ScriptInterrupted {
            host.output.flush()
            writeError(style.error("interrupted") + "\n")
        } catch {
            host.output.flush()
            writeError(style.error("error: \(error)") + "\n")
        }
        return false
    }

    func writeResult(_ text: String) {
        host.output.write(text)
        host.output.flush()
    }

    func writeError(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }

    /// Paints the "error:" of each diagnostic header red.
    private func colourise(_ diagnostics: String) -> String {
        guard style.enabled else { return diagnostics }
        return diagnostics.replacingOccurrences(of: ": error: ", with: ": " + style.error("error:") + " ")
    }
}
