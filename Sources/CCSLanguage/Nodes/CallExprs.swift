/// `f(a, b)`.
final class CallExpr: Expr {
    let callee: Expr
    let arguments: [Expr]
    /// Whether `callee` is a `NameExpr`: a predefined built-in (`len(x)`, `push(xs, x)`) is
    /// then called straight from the name node.
    let calleeIsName: Bool
    init(_ callee: Expr, _ arguments: [Expr], at location: SourceLocation) {
        self.callee = callee
        self.arguments = arguments
        self.calleeIsName = callee is NameExpr
        super.init(location)
    }

    override var kind: ExprKind { .callExpr(self) }
    override func eval(_ it: Interpreter) throws -> Value {
        if calleeIsName, let builtin = unsafeDowncast(callee, to: NameExpr.self).constantBuiltin {
            // The name node's constant keeps the built-in alive for as long as the program.
            return try builtin.with { try it.invoke($0, self, at: location) }
        }
        let value = try callee.eval(it)
        guard case .function(let function) = value else {
            var message = "attempt to call \(value.withArticle) value"
            if let name = callee as? NameExpr { message += " (variable '\(name.name)')" }
            if let field = callee as? FieldExpr { message += " (field '\(field.name)')" }
            throw it.error(ErrorCode.notCallable, message, at: location)
        }
        return try it.invoke(function, self, at: location)
    }
}

/// A call expression passes its argument expressions, evaluated straight into the
/// callee's slots. (The node itself, not a struct wrapping its array: copying the array
/// into a struct would retain it on every call.)
extension CallExpr: CallArguments {
    @inline(__always) var count: Int { arguments.count }

    @inline(__always) func store(into slots: UnsafeMutablePointer<Value>, _ it: Interpreter) throws {
        var i = 0
        while i < arguments.count {
            slots[i] = try arguments.withElement(i) { try $0.eval(it) }
            i += 1
        }
    }

    @inline(__always) func withValues(_ it: Interpreter, _ body: ([Value]) throws -> Value) throws -> Value {
        // A spare array from the interpreter's pool, so that `push(xs, x)` in a loop
        // allocates no array per call. A call made while the arguments are evaluated takes
        // another one (or a new one), so nested calls never share an array.
        var values = it.spareArguments.popLast() ?? []
        values.reserveCapacity(arguments.count)
        var i = 0
        while i < arguments.count {
            values.append(try arguments.withElement(i) { try $0.eval(it) })
            i += 1
        }
        let result = try body(values)
        // Drop the arguments now (the pool must not keep them alive) but keep the buffer.
        // A built-in that kept the array holds its own reference: copy-on-write gives the
        // pool a fresh buffer then, so what it kept is never changed.
        // (`removeLast` per element: `removeAll(keepingCapacity:)` goes through the generic
        // `replaceSubrange`, several times slower for the one or two arguments of a call.)
        while !values.isEmpty { values.removeLast() }
        it.spareArguments.append(consume values)
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

    override var kind: ExprKind { .methodCallExpr(self) }
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
            // Not on the hot path: only a call that fails gets here.
            if case .map(let box) = target {
                let candidates = Array(box.entries.keys) + it.registry.builtins.keys.sorted()
                throw it.error(ErrorCode.keyError, "no key '\(name)' in map" + Suggestion.hint(for: name, among: candidates), at: location)
            }
            throw it.error(ErrorCode.typeError, "no method '\(name)' for \(target.withArticle) value"
                + Suggestion.hint(for: name, among: it.registry.builtins.keys.sorted()), at: location)
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
