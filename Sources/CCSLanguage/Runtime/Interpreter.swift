/// Runs resolved programs. Holds the state of one script run: the current frame, the call
/// depth, the loaded modules and the host's built-ins and output. Not thread-safe: one
/// interpreter runs on one thread (see `ScriptRunner`, which gives it a large stack).
public final class Interpreter {
    /// The running activation: where its locals, the frame its closures capture, the frame
    /// it closed over and its source are. Kept in trivially copyable form (`Unretained` and
    /// raw pointers) so that saving and restoring it around every call costs no reference
    /// counting; the callers of `invoke` and `runTopLevel` keep the frames alive.
    var activation: Activation
    /// The heap frame closures created now capture (the module's, or the running function's
    /// when it needs one).
    var frame: Frame { activation.frame.object }
    /// The slots of the running activation (in a heap frame or on `stack`).
    var locals: UnsafeMutablePointer<Value> { activation.locals }
    /// The slots of the frame the running function closed over: variables one function out.
    var outerSlots: UnsafeMutablePointer<Value>? { activation.outerSlots }
    /// The source of the function being run (for error locations).
    var source: SourceFile { activation.source.object }
    /// Locals of closure-free functions. Stored inline (a struct) so that calls reach it
    /// without loading and retaining a reference.
    var stack = ValueStack()
    /// Emptied argument arrays kept for built-in calls (see `CallExpr.withValues`).
    var spareArguments: [[Value]] = []
    /// Set by `return`, read by `invoke`.
    var returnValue: Value = .null
    var callDepth = 0
    /// Iterators of lazy sequences being made inside one another (`CallContext.iterator`).
    var pipelineDepth = 0
    /// The most lazy stages over one another: each costs a few Swift frames when an element
    /// is pulled through, like a call, so this stays well inside the large stack.
    static let maxPipelineDepth = 10_000
    /// The deepest script call allowed before a catchable "stack overflow" error.
    public let maxCallDepth: Int
    public let registry: BuiltinRegistry
    public let host: ScriptHost
    /// Modules by resolved path: their exports once loaded.
    var modules: [String: Value] = [:]
    var loading: Set<String> = []
    /// Keeps module frames and sources alive for the interpreter's lifetime.
    var keepAlive: [AnyObject] = []
    /// The value of the last top-level expression statement (what `ccs -e` prints).
    var lastValue: Value = .null
    /// Set by a host that can stop evaluations (the REPL's Ctrl-C); polled by `poll()`.
    public var interruption: Interruption?
    /// Calls and loop iterations left before `poll()` next looks at `interruption`.
    var pollCountdown = 0
    /// The signal of the last interruption a `catch` turned into an error, if any.
    public internal(set) var interruptedBy: Int32?

    public init(registry: BuiltinRegistry, host: ScriptHost, maxCallDepth: Int = 20_000) {
        self.registry = registry
        self.host = host
        self.maxCallDepth = maxCallDepth
        let placeholder = Frame(size: 0, parent: nil)
        let emptySource = SourceFile(name: "<none>", directory: nil, bytes: [])
        keepAlive.append(placeholder)
        keepAlive.append(emptySource)
        self.activation = Activation(heap: Unretained(placeholder), locals: placeholder.slots, captured: nil,
                                     source: Unretained(emptySource))
    }

    deinit {
        stack.release()
    }

    /// A runtime error located at `location` in the running source.
    func error(_ code: String, _ message: String, at location: SourceLocation) -> ScriptError {
        var error = ScriptError(code: code, message: message)
        error.location = location
        error.file = source.name
        error.source = source
        return error
    }

    /// Runs a parsed, resolved program as a module or main script in a fresh frame and
    /// returns the value of its last expression statement.
    func runProgram(_ program: Program) throws -> (value: Value, frame: Frame) {
        let moduleFrame = Frame(size: program.frameSize, parent: nil)
        keepAlive.append(moduleFrame)
        do {
            return (try runTopLevel(program, in: moduleFrame), moduleFrame)
        } catch var error as ScriptError {
            error.appendTrace(
                TraceEntry(function: "main chunk", file: error.pendingFile ?? error.file ?? program.source.name,
                           location: error.pendingLocation ?? error.location ?? SourceLocation(line: 1, column: 1, offset: 0)))
            throw error
        }
    }

    /// Runs `program`'s top-level statements with `frame` as the module frame (a fresh one
    /// for a script or module, the session's for a REPL input) and returns the value of the
    /// last expression statement. The running activation is saved and restored around it,
    /// so a module imported in the middle of a function leaves that function's state intact.
    func runTopLevel(_ program: Program, in frame: Frame) throws -> Value {
        keepAlive.append(program.source)
        let saved = activation
        // Read the slots only now: a session grows its frame before each input, which moves them.
        activation = Activation(heap: Unretained(frame), locals: frame.slots, captured: nil,
                                source: Unretained(program.source))
        lastValue = .null
        defer { activation = saved }
        do {
            for statement in program.statements {
                _ = try statement.exec(self)
            }
        } catch var error as ScriptError {
            if error.location == nil {
                error.location = program.statements.first?.location
                error.file = program.source.name
                error.source = program.source
            }
            throw error
        }
        return lastValue
    }

    func checkArity(_ decl: FunctionDecl, _ count: Int, at location: SourceLocation) throws {
        if count != decl.params.count {
            let noun = decl.params.count == 1 ? "argument" : "arguments"
            throw error(ErrorCode.arityError,
                        "fn '\(decl.name)' expects \(decl.params.count) \(noun), got \(count)", at: location)
        }
    }

    func callNative(_ builtin: Builtin, _ arguments: [Value], at location: SourceLocation) throws -> Value {
        if arguments.count < builtin.minArity || (builtin.maxArity.map { arguments.count > $0 } ?? false) {
            let expected: String
            if builtin.maxArity == builtin.minArity {
                expected = "\(builtin.minArity)"
            } else if let max = builtin.maxArity {
                expected = "\(builtin.minArity) to \(max)"
            } else {
                expected = "at least \(builtin.minArity)"
            }
            let noun = expected == "1" ? "argument" : "arguments"
            throw error(ErrorCode.arityError,
                        "\(builtin.name) expects \(expected) \(noun), got \(arguments.count)", at: location)
        }
        do {
            return try builtin.body(arguments, CallContext(interpreter: self, location: location))
        } catch var failure as ScriptError {
            if failure.location == nil {
                failure.location = location
                failure.file = source.name
                failure.source = source
            }
            throw failure
        }
    }
}

extension ScriptError {
    /// Records that the error left `function` (called at `callSite` in `callerFile`).
    mutating func unwind(function: String, file: String, callSite: SourceLocation, callerFile: String) {
        let here = pendingLocation ?? location ?? callSite
        appendTrace(TraceEntry(function: "fn '\(function)'", file: pendingFile ?? file, location: here))
        pendingLocation = callSite
        pendingFile = callerFile
    }
}
