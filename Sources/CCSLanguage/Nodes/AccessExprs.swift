/// `a.name` and `a?.name`.
final class FieldExpr: Expr {
    let object: Expr
    let name: String
    let optional: Bool
    init(_ object: Expr, _ name: String, optional: Bool, at location: SourceLocation) {
        self.object = object
        self.name = name
        self.optional = optional
        super.init(location)
    }
    override var kind: ExprKind { .fieldExpr(self) }
    override func eval(_ it: Interpreter) throws -> Value {
        try it.field(try object.eval(it), name, optional: optional, at: location)
    }
}

/// `a[i]` and `a?[i]`.
final class IndexExpr: Expr {
    let object: Expr
    let index: Expr
    let optional: Bool
    init(_ object: Expr, _ index: Expr, optional: Bool, at location: SourceLocation) {
        self.object = object
        self.index = index
        self.optional = optional
        super.init(location)
    }
    override var kind: ExprKind { .indexExpr(self) }
    override func eval(_ it: Interpreter) throws -> Value {
        let container = try object.eval(it)
        let key = try index.eval(it)
        if case .list(let box) = container, case .int(let i) = key, i >= 0, i < box.items.count {
            return box.items[i]
        }
        // A present string key of a map; a missing one (null or KeyError) is `index`'s call.
        if case .map(let box) = container, case .string(let name) = key, let found = box.entries[name] {
            return found
        }
        return try it.index(container, key, optional: optional, at: location)
    }
}

/// `a[lo:hi]` on lists and strings; either bound may be omitted; negative counts from the end.
final class SliceExpr: Expr {
    let object: Expr
    let lower: Expr?
    let upper: Expr?
    let optional: Bool
    init(_ object: Expr, lower: Expr?, upper: Expr?, optional: Bool, at location: SourceLocation) {
        self.object = object
        self.lower = lower
        self.upper = upper
        self.optional = optional
        super.init(location)
    }
    override var kind: ExprKind { .sliceExpr(self) }
    override func eval(_ it: Interpreter) throws -> Value {
        let container = try object.eval(it)
        let lo = try lower?.eval(it) ?? .null
        let hi = try upper?.eval(it) ?? .null
        if optional, case .null = container { return .null }
        return try it.slice(container, lo, hi, at: location)
    }
}

/// A step of an optional chain after its first `?.` or `?[`: a null here ends the chain
/// (caught by the chain's `OptionalChainExpr`), so `a?.b.c` is null when `a` or `a.b` is.
final class ChainGuardExpr: Expr {
    let inner: Expr
    init(_ inner: Expr) {
        self.inner = inner
        super.init(inner.location)
    }
    override var kind: ExprKind { .chainGuardExpr(self) }
    override func eval(_ it: Interpreter) throws -> Value {
        let value = try inner.eval(it)
        if case .null = value { throw ChainShortCircuit() }
        return value
    }
}

/// A postfix chain holding `?.` or `?[`: null when one of its guarded steps met a null.
final class OptionalChainExpr: Expr {
    let chain: Expr
    init(_ chain: Expr) {
        self.chain = chain
        super.init(chain.location)
    }
    override var kind: ExprKind { .optionalChainExpr(self) }
    override func eval(_ it: Interpreter) throws -> Value {
        do {
            return try chain.eval(it)
        } catch is ChainShortCircuit {
            return .null
        }
    }
}

/// Thrown by a `ChainGuardExpr` to its chain; never leaves the chain's expression.
struct ChainShortCircuit: Error {}
