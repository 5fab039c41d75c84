/// A function implemented in Swift and callable from scripts. Modules outside CCSLanguage
/// (CCSCloud) define their own and add them to a `BuiltinRegistry`.
public final class Builtin {
    public let name: String
    public let minArity: Int
    /// nil when the function takes any number of arguments from `minArity` up.
    public let maxArity: Int?
    /// One or two lines for `:help NAME` at the prompt: a usage line and what it does.
    public let doc: String
    public let body: ([Value], CallContext) throws -> Value

    public convenience init(
        _ name: String, arity: Int, doc: String,
        _ body: @escaping ([Value], CallContext) throws -> Value
    ) {
        self.init(name, minArity: arity, maxArity: arity, doc: doc, body)
    }

    public init(
        _ name: String, minArity: Int, maxArity: Int?, doc: String,
        _ body: @escaping ([Value], CallContext) throws -> Value
    ) {
        self.name = name
        self.minArity = minArity
        self.maxArity = maxArity
        self.doc = doc
        self.body = body
    }
}

/// The names predefined for scripts: built-in functions and constants (such as `args`).
/// The host fills one registry and hands it to the interpreter; names are resolved to their
/// values once, before the script runs.
public final class BuiltinRegistry {
    public private(set) var builtins: [String: Builtin] = [:]
    public private(set) var constants: [String: Value] = [:]

    public init() {}

    /// Adds (or replaces) a built-in function.
    public func register(_ builtin: Builtin) {
        builtins[builtin.name] = builtin
        constants[builtin.name] = .function(FunctionBox(builtin: builtin))
    }

    /// Defines a predefined name bound to a value, e.g. `args`.
    public func define(_ name: String, _ value: Value) {
        constants[name] = value
    }

    /// What a host wants said when a script ends because of SIGINT or SIGTERM (CCSCloud:
    /// the requests still in flight), one line per entry.
    public private(set) var interruptionReports: [() -> [String]] = []

    /// Adds a report to print when a script is interrupted.
    public func onInterruption(_ report: @escaping () -> [String]) {
        interruptionReports.append(report)
    }

    /// The value a predefined name resolves to.
    public func lookup(_ name: String) -> Value? { constants[name] }

    /// Every predefined name, sorted (for completion and `:help`).
    public var names: [String] { constants.keys.sorted() }
}
