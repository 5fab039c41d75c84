/// Runs resolved programs. Holds the state of one script run: the current frame, the call
/// depth, the loaded modules and the host's built-ins and output. Not thread-safe: one
/// interpreter runs on one thread (see `ScriptRunner`, which gives it a large stack).
public final class Interpreter {
    // The running activation's state is kept in trivially copyable form (Unmanaged
    // references and raw pointers): saving and restoring it around every call then costs no
    // reference counting. The callers of `invoke` keep the frames alive.

    /// The heap frame closures created now capture (the module's, or the running function's
    /// when it needs one).
    var frameRef: Unmanaged<Frame>
    var frame: Frame { frameRef.takeUnretainedValue() }
    /// The slots of the running activation (in a heap frame or on `stack`).
    var locals: UnsafeMutablePointer<Value>
    /// The frame the running function closed over, and its slots: variables one function
    /// out are `outerSlots[slot]`; `depth` functions out, `outer.ancestor(depth - 1)`.
    var outerRef: Unmanaged<Frame>?
    var outerSlots: UnsafeMutablePointer<Value>?
    /// Locals of closure-free functions. Stored inline (a struct) so that calls reach it
    /// without loading and retaining a reference.
    var stack = ValueStack()
    /// Set by `return`, read by `invoke`.
    var returnValue: Value = .null
    var callDepth = 0
    /// The deepest script call allowed before a catchable "stack overflow" error.
    public let maxCallDepth: Int
    /// The source of the function being run (for error locations).
    var sourceRef: Unmanaged<SourceFile>
    var source: SourceFile { sourceRef.takeUnretainedValue() }
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

    public init(registry: BuiltinRegistry, host: ScriptHost, maxCallDepth: Int = 20_000) {
        self.registry = registry
        self.host = host
        self.maxCallDepth = maxCallDepth
        let placeholder = Frame(size: 0, parent: nil)
        let emptySource = SourceFile(name: "<none>", directory: nil, bytes: [])
        keepAlive.append(placeholder)
        keepAlive.append(emptySource)
        self.frameRef = Unmanaged.passUnretained(placeholder)
        self.locals = placeholder.slots
        self.outerRef = nil
        self.outerSlots = nil
        self.sourceRef = Unmanaged.passUnretained(emptySource)
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
            error.trace.append(
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
        let savedFrame = frameRef
        let savedSource = sourceRef
        let savedLocals = locals
        let savedOuter = outerRef
        let savedOuterSlots = outerSlots
        frameRef = Unmanaged.passUnretained(frame)
        // Read the slots only now: a session grows its frame before each input, which moves them.
        locals = frame.slots
        outerRef = nil
        outerSlots = nil
        sourceRef = Unmanaged.passUnretained(program.source)
        lastValue = .null
        defer {
            frameRef = savedFrame
            locals = savedLocals
            outerRef = savedOuter
            outerSlots = savedOuterSlots
            sourceRef = savedSource
        }
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

    /// Calls a ccs function whose arguments are already in `slots` (which belong to `heap`
    /// when the function needs a heap frame).
    @inline(__always)
    func invoke(_ decl: FunctionDecl, _ slots: UnsafeMutablePointer<Value>, heap: Frame?,
                captured: Unmanaged<Frame>?, at callSite: SourceLocation) throws -> Value {
        try poll()
        callDepth += 1
        if callDepth > maxCallDepth {
            callDepth -= 1
            throw error(ErrorCode.stackOverflow, "stack overflow (more than \(maxCallDepth) nested calls)", at: callSite)
        }
        let savedFrame = frameRef
        let savedSource = sourceRef
        let savedOuter = outerRef
        let savedOuterSlots = outerSlots
        let savedLocals = locals
        if let heap { frameRef = Unmanaged.passUnretained(heap) }
        locals = slots
        if let captured {
            outerRef = captured
            outerSlots = captured._withUnsafeGuaranteedRef { $0.slots }
        } else {
            outerRef = nil
            outerSlots = nil
        }
        sourceRef = decl.sourceRef
        defer {
            frameRef = savedFrame
            locals = savedLocals
            outerRef = savedOuter
            outerSlots = savedOuterSlots
            sourceRef = savedSource
            callDepth -= 1
        }
        do {
            if case .returned = try decl.body.exec(self) {
                let value = returnValue
                returnValue = .null
                withExtendedLifetime(heap) {}
                return value
            }
            withExtendedLifetime(heap) {}
            return .null
        } catch var error as ScriptError {
            error.unwind(function: decl.name, file: decl.source.name, callSite: callSite, callerFile: savedSource.takeUnretainedValue().name)
            throw error
        }
    }

    /// Calls any function value with evaluated arguments (built-ins calling back, pipelines).
    public func call(_ callee: Value, _ arguments: [Value], at location: SourceLocation) throws -> Value {
        guard case .function(let function) = callee else {
            throw error(ErrorCode.notCallable, "attempt to call \(callee.withArticle) value", at: location)
        }
        if let decl = function.decl {
            try checkArity(decl, arguments.count, at: location)
            if decl.needsHeapFrame {
                let newFrame = Frame(size: decl.frameSize, parent: function.captured)
                for (i, argument) in arguments.enumerated() { newFrame.slots[i] = argument }
                return try invoke(decl, newFrame.slots, heap: newFrame, captured: function.capturedRef, at: location)
            }
            let size = decl.frameSize
            let slots = stack.push(size)
            defer { stack.pop(slots, size) }
            for (i, argument) in arguments.enumerated() { slots[i] = argument }
            return try invoke(decl, slots, heap: nil, captured: function.capturedRef, at: location)
        }
        return try callNative(function.builtin.unsafelyUnwrapped, arguments, at: location)
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
        trace.append(TraceEntry(function: "fn '\(function)'", file: pendingFile ?? file, location: here))
        pendingLocation = callSite
        pendingFile = callerFile
    }
}
