/// Runs resolved programs. Holds the state of one script run: the current frame, the call
/// depth, the loaded modules and the host's built-ins and output. Not thread-safe: one
/// interpreter runs on one thread (see `ScriptRunner`, which gives it a large stack).
public final class Interpreter {
    /// The frame of the function being run. Unowned: the caller of `invoke` keeps the
    /// activation's frame alive in a local, which saves a retain/release per access.
    unowned(unsafe) var frame: Frame
    /// The slots of the running activation (in `frame` or on `stack`).
    var locals: UnsafeMutablePointer<Value>
    /// The frame the running function closed over; variables `depth` functions out live in
    /// `outer.ancestor(depth - 1)`.
    unowned(unsafe) var outer: Frame?
    let stack = ValueStack()
    /// Set by `return`, read by `invoke`.
    var returnValue: Value = .null
    var callDepth = 0
    /// The deepest script call allowed before a catchable "stack overflow" error.
    public let maxCallDepth: Int
    /// The source of the function being run (for error locations).
    unowned(unsafe) var source: SourceFile
    public let registry: BuiltinRegistry
    public let host: ScriptHost
    /// Modules by resolved path: their exports once loaded.
    var modules: [String: Value] = [:]
    var loading: Set<String> = []
    /// Keeps module frames and sources alive for the interpreter's lifetime.
    var keepAlive: [AnyObject] = []
    /// The value of the last top-level expression statement (what `ccs -e` prints).
    var lastValue: Value = .null

    public init(registry: BuiltinRegistry, host: ScriptHost, maxCallDepth: Int = 20_000) {
        self.registry = registry
        self.host = host
        self.maxCallDepth = maxCallDepth
        let placeholder = Frame(size: 0, parent: nil)
        let emptySource = SourceFile(name: "<none>", directory: nil, bytes: [])
        keepAlive.append(placeholder)
        keepAlive.append(emptySource)
        self.frame = placeholder
        self.locals = placeholder.slots
        self.outer = nil
        self.source = emptySource
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
        keepAlive.append(program.source)
        let savedFrame = frame
        let savedSource = source
        let savedLocals = locals
        let savedOuter = outer
        frame = moduleFrame
        locals = moduleFrame.slots
        outer = nil
        source = program.source
        lastValue = .null
        defer {
            frame = savedFrame
            locals = savedLocals
            outer = savedOuter
            source = savedSource
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
            error.trace.append(
                TraceEntry(function: "main chunk", file: error.pendingFile ?? error.file ?? program.source.name,
                           location: error.pendingLocation ?? error.location ?? SourceLocation(line: 1, column: 1, offset: 0)))
            throw error
        }
        return (lastValue, moduleFrame)
    }

    /// Calls a ccs function whose arguments are already in `slots` (which belong to `heap`
    /// when the function needs a heap frame).
    @inline(__always)
    func invoke(_ decl: FunctionDecl, _ slots: UnsafeMutablePointer<Value>, heap: Frame?, captured: Frame?,
                at callSite: SourceLocation) throws -> Value {
        callDepth += 1
        if callDepth > maxCallDepth {
            callDepth -= 1
            throw error(ErrorCode.stackOverflow, "stack overflow (more than \(maxCallDepth) nested calls)", at: callSite)
        }
        unowned(unsafe) let savedFrame = frame
        unowned(unsafe) let savedSource = source
        unowned(unsafe) let savedOuter = outer
        let savedLocals = locals
        if let heap { frame = heap }
        locals = slots
        outer = captured
        source = decl.source
        defer {
            frame = savedFrame
            locals = savedLocals
            outer = savedOuter
            source = savedSource
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
            error.unwind(function: decl.name, file: decl.source.name, callSite: callSite, callerFile: savedSource.name)
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
                return try invoke(decl, newFrame.slots, heap: newFrame, captured: function.captured, at: location)
            }
            let size = decl.frameSize
            let slots = stack.push(size)
            defer { stack.pop(slots, size) }
            for (i, argument) in arguments.enumerated() { slots[i] = argument }
            return try invoke(decl, slots, heap: nil, captured: function.captured, at: location)
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
