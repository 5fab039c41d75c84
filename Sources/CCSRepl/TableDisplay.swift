import JSONCore
import CCSLanguage

/// `table(xs [, columns])` at the prompt: shows a list or lazy sequence of maps or resources
/// as an aligned table (through the pager when it is tall), with the stdlib's `table.text`
/// as the one implementation of the layout; a resource is a row of its type, id and
/// properties. Returns null, so nothing else is printed.
///
/// The module is loaded in a session of its own (so the name `table` stays the built-in's
/// in the user's session), before an input that mentions `table` runs: loading runs a
/// program, which cannot happen inside a call the interpreter is making.
final class TableDisplay {
    let interpreter: Interpreter
    private var text: Value?
    private var loadFailure: String?

    init(interpreter: Interpreter) {
        self.interpreter = interpreter
    }

    static let doc = """
        table(xs [, columns]) -> null (REPL only)
        Prints a list or lazy sequence of maps or resources as an aligned table: columns are the keys in first-seen order (a resource's type, id and properties), or the names given. Scripts use the stdlib's table.text (import "table").
        """

    /// Loads `table.text` if `input` may call `table` and it is not loaded yet.
    func prepare(for input: String) {
        guard text == nil, loadFailure == nil, input.contains("table") else { return }
        let helper = Session(interpreter: interpreter)
        let source = SourceFile(name: "<repl:table>", directory: nil, bytes: Array("import \"table\"".utf8))
        do {
            _ = try helper.evaluate(source)
            guard case .map(let exports)? = helper.value(of: "table"), let function = exports.entries["text"] else {
                loadFailure = "the stdlib module 'table' has no function 'text'"
                return
            }
            text = function
        } catch let failure as ScriptError {
            loadFailure = failure.message
        } catch {
            loadFailure = "\(error)"
        }
    }

    /// The `table` built-in; `write` shows its text.
    func builtin(write: @escaping (String) -> Void) -> Builtin {
        Builtin("table", minArity: 1, maxArity: 2, doc: TableDisplay.doc) { [unowned self] args, context in
            switch args[0] {
            case .list, .sequence: break
            default: throw context.typeError("table", 1, expected: "list or sequence", got: args[0])
            }
            let columns = args.count > 1 ? args[1] : .null
            switch columns {
            case .null, .list: break
            default: throw context.typeError("table", 2, expected: "list of column names", got: columns)
            }
            guard let text else {
                throw ScriptError(
                    code: ErrorCode.importError,
                    message: "table: cannot load the stdlib module 'table': \(loadFailure ?? "not loaded")")
            }
            guard case .string(let rendered) = try context.call(text, [args[0], columns]) else {
                throw ScriptError(code: ErrorCode.typeError, message: "table: table.text did not return text")
            }
            write(TerminalText.escaped(rendered) + "\n")
            return .null
        }
    }
}
