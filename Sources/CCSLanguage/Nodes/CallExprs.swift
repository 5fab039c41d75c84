/// `f(a, b)`.
final class CallExpr: Expr {
    let callee: Expr
    let arguments: [Expr]
    /// The arguments, unretained (see `BlockStmt.statementRefs`).
    let argumentRefs: [Unmanaged<Expr>]
    init(_ callee: Expr, _ arguments: [Expr], at location: SourceLocation) {
        self.callee = callee
        self.arguments = arguments
        self.argumentRefs = arguments.map { Unmanaged.passUnretained($0) }
        self.calleeName = (callee as? NameExpr).map { Unmanaged.passUnretained($0) }
        super.init(location)
    }

    /// `callee` when it is a name, unretained (`callee` keeps it alive): a predefined
    /// built-in (`len(x)`, `push(xs, x)`) is then called straight from the name node.
    let calleeName: Unmanaged<NameExpr>?

    override func eval(_ it: Interpreter) throws -> Value {
        if let calleeName, let builtin = calleeName._withUnsafeGuaranteedRef({ $0.constantBuiltin }) {
            // The name node's constant keeps the built-in alive for as long as the program.
            return try builtin._withUnsafeGuaranteedRef { try callBuiltin($0, it) }
        }
        let value = try callee.eval(it)
        guard case .function(let function) = value else {
            var message = "attempt to call \(value.withArticle) value"
            if let name = callee as? NameExpr { message += " (variable '\(name.name)')" }
            if let field = callee as? FieldExpr { message += " (field '\(field.name)')" }
            throw it.error(ErrorCode.notCallable, message, at: location)
        }
        if let declRef = function.declRef {
            // The function value (held until the call returns) keeps its declaration and
            // captured frame alive: use them without retaining.
            return try declRef._withUnsafeGuaranteedRef { decl in
                let count = argumentRefs.count
                if count != decl.paramCount {
                    try it.checkArity(decl, count, at: location)
                }
                // Arguments go straight into the callee's slots: no intermediate array.
                if decl.needsHeapFrame {
                    let frame = Frame(size: decl.frameSize, parent: function.captured)
                    var i = 0
                    while i < count {
                        frame.slots[i] = try argumentRefs[i]._withUnsafeGuaranteedRef { try $0.eval(it) }
                        i += 1
                    }
                    return try it.invoke(decl, frame.slots, heap: frame, captured: function.capturedRef, at: location)
                }
                let size = decl.frameSize
                let slots = it.stack.push(size)
                defer { it.stack.pop(slots, size) }
                var i = 0
                while i < count {
                    slots[i] = try argumentRefs[i]._withUnsafeGuaranteedRef { try $0.eval(it) }
                    i += 1
                }
                return try it.invoke(decl, slots, heap: nil, captured: function.capturedRef, at: location)
            }
        }
        return try callBuiltin(function.builtin.unsafelyUnwrapped, it)
    }

    /// The argument array of the last built-in call from this site, emptied but keeping its
    /// capacity, so that `push(xs, x)` in a loop allocates no array per call.
    private var spareArguments: [Value] = []

    private func callBuiltin(_ builtin: Builtin, _ it: Interpreter) throws -> Value {
        // Take the spare array out of the node, leaving an empty one: a call from this same
        // site while the arguments are evaluated (recursion) then builds its own array
        // instead of sharing this one. One interpreter runs a program on one thread, so
        // nothing else touches the field meanwhile.
        var values: [Value] = []
        swap(&values, &spareArguments)
        values.reserveCapacity(argumentRefs.count)
        for argument in argumentRefs { values.append(try argument._withUnsafeGuaranteedRef { try $0.eval(it) }) }
        let result = try it.callNative(builtin, values, at: location)
        // Drop the arguments now (the array must not keep them alive) but keep the buffer.
        // A built-in that kept the array holds its own reference: copy-on-write gives this
        // site a fresh buffer then, so what it kept is never changed.
        // (`removeLast` per element: `removeAll(keepingCapacity:)` goes through the generic
        // `replaceSubrange`, several times slower for the one or two arguments of a call.)
        while !values.isEmpty { values.removeLast() }
        swap(&values, &spareArguments)
        return result
    }
}

/// `x.name(args)`: calls the function stored under `name` when `x` is a map or host object
/// that has one (module exports, callbacks in maps); otherwise the built-in `name` with `x`
/// as its first argument, so `s.starts_with("a")` means `starts_with(s, "a")`.
final class MethodCallExpr: Expr {
    let object: Expr
    let name: String
    let arguments: [Expr]
    let optional: Bool
    /// The built-in of that name, if any (set by the resolver).
    var method: Value?
    init(_ object: Expr, _ name: String, _ arguments: [Expr], optional: Bool, at location: SourceLocation) {
        self.object = object
        self.name = name
        self.arguments = arguments
        self.optional = optional
        super.init(location)
    }

    override func eval(_ it: Interpreter) throws -> Value {
        let target = try object.eval(it)
        var values: [Value] = []
        values.reserveCapacity(arguments.count + 1)
        switch target {
        case .map(let box):
            if let function = box.entries[name] {
                for argument in arguments { values.append(try argument.eval(it)) }
                return try callStored(function, values, it)
            }
        case .object:
            let function = try it.field(target, name, optional: true, at: location)
            if case .function = function {
                for argument in arguments { values.append(try argument.eval(it)) }
                return try callStored(function, values, it)
            }
        case .null where optional:
            return .null
        default:
            break
        }
        guard let method else {
            if optional { return .null }
            if case .map = target { throw it.error(ErrorCode.keyError, "no key '\(name)' in map", at: location) }
            throw it.error(ErrorCode.typeError, "no method '\(name)' for \(target.withArticle) value", at: location)
        }
        values.append(target)
        for argument in arguments { values.append(try argument.eval(it)) }
        return try it.call(method, values, at: location)
    }

    private func callStored(_ function: Value, _ values: [Value], _ it: Interpreter) throws -> Value {
        guard case .function = function else {
            throw it.error(ErrorCode.notCallable,
                           "attempt to call \(function.withArticle) value (field '\(name)')", at: location)
        }
        return try it.call(function, values, at: location)
    }
}
