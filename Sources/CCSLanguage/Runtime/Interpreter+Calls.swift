/// The arguments of a call, however the caller has them: expressions still to evaluate (a
/// call in the script) or values already computed (a built-in calling back, a method call).
/// `invoke` is generic over this, so each kind of caller gets its own specialized copy of
/// the one call path.
protocol CallArguments {
    var count: Int { get }
    /// Stores the arguments into `slots[0..<count]` (the callee's parameters).
    func store(into slots: UnsafeMutablePointer<Value>, _ it: Interpreter) throws
    /// Runs `body` with the arguments as an array (what a built-in takes).
    func withValues(_ it: Interpreter, _ body: ([Value]) throws -> Value) throws -> Value
}

extension Array: CallArguments where Element == Value {
    @inline(__always) func store(into slots: UnsafeMutablePointer<Value>, _ it: Interpreter) throws {
        var i = 0
        while i < count {
            slots[i] = self[i]
            i += 1
        }
    }

    @inline(__always) func withValues(_ it: Interpreter, _ body: ([Value]) throws -> Value) throws -> Value {
        try body(self)
    }
}

extension Interpreter {
    /// Calls any function value with evaluated arguments (built-ins calling back, pipelines,
    /// the REPL).
    public func call(_ callee: Value, _ arguments: [Value], at location: SourceLocation) throws -> Value {
        guard case .function(let function) = callee else {
            throw error(ErrorCode.notCallable, "attempt to call \(callee.withArticle) value", at: location)
        }
        return try invoke(function, arguments, at: location)
    }

    /// The one call path: every call of a function value (from a call expression, a method
    /// call, a built-in calling back or `call`) comes through here. A ccs function gets its
    /// frame (a heap `Frame` when it creates closures, otherwise slots on `stack`) with the
    /// arguments stored in its first slots; a built-in gets the arguments as an array.
    @inline(__always)
    func invoke<Arguments: CallArguments>(_ function: FunctionBox, _ arguments: Arguments,
                                          at location: SourceLocation) throws -> Value {
        if function.decl == nil {
            return try invoke(function.builtin.unsafelyUnwrapped, arguments, at: location)
        }
        // The function value (held by the caller until the call returns) keeps its
        // declaration and captured frame alive: use them without retaining (binding
        // `function.decl` to a name would retain it for the whole call).
        return try Unretained(function.decl.unsafelyUnwrapped).with { decl in
            if arguments.count != decl.paramCount {
                try checkArity(decl, arguments.count, at: location)
            }
            if decl.needsHeapFrame {
                let heap = Frame(size: decl.frameSize, parent: function.captured)
                try arguments.store(into: heap.slots, self)
                let value = try run(decl, heap.slots, heap: Unretained(heap), captured: function.captured,
                                    at: location)
                withExtendedLifetime(heap) {}
                return value
            }
            let size = decl.frameSize
            let slots = stack.push(size)
            defer { stack.pop(slots, size) }
            try arguments.store(into: slots, self)
            // A closure-free function creates no closures, so it never reads `frame`: the
            // caller's stays.
            return try run(decl, slots, heap: activation.frame, captured: function.captured, at: location)
        }
    }

    /// Calls a built-in.
    @inline(__always)
    func invoke<Arguments: CallArguments>(_ builtin: Builtin, _ arguments: Arguments,
                                          at location: SourceLocation) throws -> Value {
        try arguments.withValues(self) { try callNative(builtin, $0, at: location) }
    }

    /// Runs `decl`'s body as the running activation, its locals in `slots`.
    @inline(__always)
    private func run(_ decl: FunctionDecl, _ slots: UnsafeMutablePointer<Value>, heap: Unretained<Frame>,
                     captured: Frame?, at callSite: SourceLocation) throws -> Value {
        try poll()
        callDepth += 1
        if callDepth > maxCallDepth {
            callDepth -= 1
            throw error(ErrorCode.stackOverflow, "stack overflow (more than \(maxCallDepth) nested calls)", at: callSite)
        }
        let saved = activation
        activation = Activation(heap: heap, locals: slots, captured: captured, source: Unretained(decl.source))
        defer {
            activation = saved
            callDepth -= 1
        }
        do {
            if case .returned = try decl.body.exec(self) {
                let value = returnValue
                returnValue = .null
                return value
            }
            return .null
        } catch var error as ScriptError {
            error.unwind(function: decl.name, file: decl.source.name, callSite: callSite,
                         callerFile: saved.source.object.name)
            throw error
        }
    }
}
