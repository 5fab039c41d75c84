import JSONCore
import CCSLanguage
import Foundation

/// The interactive prompt: reads inputs with libedit (multi-line when the parser says the
/// input is unfinished), runs them in one `Session`, prints results and errors, and never
/// ends on an error. Inputs are named `<repl:N>`, N counting from 1, so an error names the
/// input it is in. Ctrl-C abandons the input being typed or stops the running evaluation;
/// Ctrl-D on an empty line, `:quit`, or the word `quit` or `exit` alone leaves.
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
    /// How many inputs have been run; the next is `<repl:inputCount+1>`.
    var inputCount = 0
    /// `table(xs, columns?)`: the stdlib's `table.text`, loaded on first use.
    let tables: TableDisplay
    private(set) var editor: LineEditor?
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
        self.tables = TableDisplay(interpreter: interpreter)
        registry.register(tables.builtin { [unowned self] text in writeResult(text) })
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
        editor.write(style.dim(banner) + "\n")
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

    /// One line typed at the prompt: a meta-command, the end of an input, or part of one. A
    /// multi-line input recalled from the history arrives whole, newlines and all.
    private func accept(_ line: String) {
        let isBlank = line.allSatisfy(\.isWhitespace)
        if isBlank {
            pending = []  // a blank line abandons an unfinished input
            return
        }
        if pending.isEmpty, line.hasPrefix(":") {
            record(line)
            runMetaCommand(line)
            return
        }
        if pending.isEmpty, let command = word(line) {
            record(line)
            runMetaCommand(command)
            return
        }
        pending.append(line)
        let text = pending.joined(separator: "\n")
        if InputCompleteness.isIncomplete(text) { return }
        pending = []
        record(text)
        inputCount += 1
        if evaluate(text, name: "<repl:\(inputCount)>", directory: nil) { transcript.append(text) }
    }

    /// `help`, `quit` and `exit` typed alone, as Python's prompt takes them: the meta-command
    /// they stand for, unless the session has a variable of that name.
    private func word(_ line: String) -> String? {
        let word = line.trimmingCharacters(in: .whitespaces)
        guard session.value(of: word) == nil else { return nil }
        switch word {
        case "help": return ":help"
        case "quit", "exit": return ":quit"
        default: return nil
        }
    }

    /// Puts an input (all its lines, as one entry) in the history unless it began with a
    /// space.
    private func record(_ input: String) {
        guard HistoryFile.shouldRecord(input) else { return }
        editor?.remember(input)
        if let problem = history?.append(input) { writeError("ccs: history not saved: \(problem)\n") }
    }

    /// The line shown before the first prompt: version, backend, account and region, and
    /// where help is.
    var banner: String {
        let report = configuration.environmentReport()
        func entry(_ label: String) -> String? { report.first { $0.label == label }?.value }
        var parts = ["ccs " + configuration.version]
        if let backend = entry("backend") { parts.append(backend) }
        if let account = configuration.account { parts.append("account " + account) }
        if let region = entry("region"), let name = region.split(separator: " ").first, name.contains("-") {
            parts.append("region " + name)
        }
        parts.append(":help for help, Ctrl-D to leave")
        return parts.joined(separator: " · ")
    }

    /// Runs an input and shows its result or error; true when it ran without error.
    @discardableResult
    func evaluate(_ text: String, name: String, directory: String?, show: Bool = true) -> Bool {
        interruption.reset()
        tables.prepare(for: text)
        let source = SourceFile(name: name, directory: directory, bytes: Array(text.utf8))
        do {
            let value = try session.evaluate(source)
            host.output.flush()
            if let value, !value.isNull {
                lastResult = value
                let printer = ValuePrinter(
                    style: style, maxItems: configuration.maxItems, compact: true, width: editor?.size?.columns)
                let rendered = try printer.render(value)
                session.bind("_", to: rendered.shown)
                if show { writeResult(rendered.text) }
            }
            return true
        } catch let errors as CompileErrors {
            host.output.flush()
            writeError(colourise(TerminalText.escaped(DiagnosticRenderer.render(errors))))
            if Repl.looksLikeMapAtStatementStart(text) {
                writeError(
                    style.dim(
                        "hint: a statement starting with '{' is a block; for a map write ({...}) or let m = {...}")
                        + "\n")
            }
        } catch let failure as ScriptError {
            host.output.flush()
            writeError(colourise(TerminalText.escaped(DiagnosticRenderer.render(failure))))
        } catch let exit as ScriptExit {
            host.output.flush()
            exitStatus = exit.status
            return true
        } catch is ScriptInterrupted {
            host.output.flush()
            writeError(style.error("interrupted") + "\n")
        } catch {
            host.output.flush()
            writeError(style.error(TerminalText.escaped("error: \(error)")) + "\n")
        }
        return false
    }

    /// Writes REPL output (results, tables, meta-command answers), through the pager when
    /// it is taller than the terminal.
    func writeResult(_ text: String) {
        host.output.flush()
        if isatty(1) == 1, let size = editor?.size, Pager.isTaller(text, rows: size.rows, columns: size.columns),
            Pager(environment: configuration.environment).show(text)
        {
            return
        }
        host.output.write(text)
        host.output.flush()
    }

    /// `{a: 1}`: a `{` followed by a key and `:`, which reads as a map but is a block.
    static func looksLikeMapAtStatementStart(_ text: String) -> Bool {
        var lexer = Lexer(bytes: Array(text.utf8))
        let tokens = lexer.tokenize()
        guard tokens.count > 3, tokens[0].kind == .punct(.lbrace), tokens[2].kind == .punct(.colon) else {
            return false
        }
        switch tokens[1].kind {
        case .name, .string, .keyword: return true
        default: return false
        }
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
