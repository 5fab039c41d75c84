/// Argument checking shared by the built-ins. Errors follow Lua's wording:
/// "bad argument #2 to 'split' (string expected, got int)".
extension CallContext {
    public func string(_ args: [Value], _ i: Int, _ function: String) throws -> String {
        if case .string(let s) = args[i] { return s }
        throw typeError(function, i + 1, expected: "string", got: args[i])
    }

    public func integer(_ args: [Value], _ i: Int, _ function: String) throws -> Int {
        if let n = interpreter.integerIndex(args[i]) { return n }
        throw typeError(function, i + 1, expected: "integer", got: args[i])
    }

    public func number(_ args: [Value], _ i: Int, _ function: String) throws -> Double {
        if let d = args[i].asDouble { return d }
        throw typeError(function, i + 1, expected: "number", got: args[i])
    }

    public func function(_ args: [Value], _ i: Int, _ function: String) throws -> Value {
        if case .function = args[i] { return args[i] }
        throw typeError(function, i + 1, expected: "function", got: args[i])
    }

    public func list(_ args: [Value], _ i: Int, _ function: String) throws -> ListBox {
        if case .list(let box) = args[i] { return box }
        throw typeError(function, i + 1, expected: "list", got: args[i])
    }

    /// A map, or a host object's JSON form.
    public func map(_ args: [Value], _ i: Int, _ function: String) throws -> MapBox {
        switch args[i] {
        case .map(let box): return box
        case .object(let object):
            if case .map(let box) = try object.jsonValue() { return box }
        default: break
        }
        throw typeError(function, i + 1, expected: "map", got: args[i])
    }

    /// An iterator over a list, map (its keys), string (its characters) or sequence.
    public func iterator(_ args: [Value], _ i: Int, _ function: String) throws -> ValueIterator {
        switch args[i] {
        case .list(let box): return ListIterator(box)
        case .map(let box): return ArrayIterator(box.entries.keys.map { .string($0) })
        case .string(let s): return ArrayIterator(s.map { .string(String($0)) })
        case .sequence(let box):
            // A lazy stage makes its source's iterator inside its own and later pulls each
            // element through it, both by Swift recursion: a pipeline built in a loop can nest
            // millions of stages and overflow any stack (issue 16, F2). Past the limit the
            // innermost stage allowed fails, and the error surfaces at the first element.
            guard interpreter.pipelineDepth < Interpreter.maxPipelineDepth else {
                throw ScriptError(
                    code: ErrorCode.stackOverflow,
                    message: "\(function): lazy sequence nested too deeply (more than \(Interpreter.maxPipelineDepth) stages of map, filter, take, drop, enumerate or zip over one another)")
            }
            interpreter.pipelineDepth += 1
            defer { interpreter.pipelineDepth -= 1 }
            guard let interruption = interpreter.interruption else { return box.makeIterator() }
            return InterruptibleIterator(box.makeIterator(), interruption)
        default: throw typeError(function, i + 1, expected: "list or sequence", got: args[i])
        }
    }

    /// All elements of a collection (forcing a lazy sequence).
    public func elements(_ args: [Value], _ i: Int, _ function: String) throws -> [Value] {
        if case .list(let box) = args[i] { return box.items }
        let iterator = try self.iterator(args, i, function)
        var items: [Value] = []
        while let item = try iterator.next() { items.append(item) }
        return items
    }

    /// Whether the argument is a lazy sequence (sequence functions then stay lazy).
    public func isLazy(_ value: Value) -> Bool {
        if case .sequence = value { return true }
        return false
    }
}
