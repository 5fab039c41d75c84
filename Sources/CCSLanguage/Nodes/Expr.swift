import OrderedCollections

/// An expression node. Each concrete node is a final class with `let` children and evaluates
/// itself: a virtual call per node, no protocol-typed children, no dictionary lookups.
class Expr {
    let location: SourceLocation
    init(_ location: SourceLocation) { self.location = location }

    /// Evaluates the expression in the interpreter's current frame.
    func eval(_ it: Interpreter) throws -> Value {
        preconditionFailure("Expr.eval is abstract; \(type(of: self)) must override it")
    }
    /// This node as its concrete class.
    var kind: ExprKind {
        preconditionFailure("Expr.kind is abstract; \(type(of: self)) must override it")
    }
}

/// `42`, `"text"`, `true`, `null`.
final class LiteralExpr: Expr {
    let value: Value
    init(_ value: Value, at location: SourceLocation) {
        self.value = value
        super.init(location)
    }
    override var kind: ExprKind { .literalExpr(self) }
    override func eval(_ it: Interpreter) throws -> Value { value }
}

/// `"a ${b} c"`: the parts' string forms concatenated (strings raw, others as JSON).
final class TemplateExpr: Expr {
    let parts: [Expr]
    init(_ parts: [Expr], at location: SourceLocation) {
        self.parts = parts
        super.init(location)
    }
    override var kind: ExprKind { .templateExpr(self) }
    override func eval(_ it: Interpreter) throws -> Value {
        var result = ""
        for i in parts.indices {
            let value = try parts.withElement(i) { try $0.eval(it) }
            if case .string(let s) = value {
                result += s
            } else if case .int(let n) = value {
                // What the JSON writer prints for an int, without setting up a writer.
                result += String(n)
            } else {
                do {
                    result += try it.stringify(try it.materialised(value))
                } catch let failure as ScriptError {
                    // Walking a sequence here can fail (a listing's page): place it at the hole.
                    throw it.placed(failure, at: parts[i].location)
                }
            }
        }
        return .string(result)
    }
}

/// Where a name lives, decided by the resolver.
enum Binding {
    case unresolved
    /// A slot of the current frame.
    case local(Int)
    /// A slot of the frame `depth` closures out.
    case outer(depth: Int, slot: Int)
    /// A predefined name (built-in function or constant).
    case constant(Value)
}

/// A variable reference.
final class NameExpr: Expr {
    let name: String
    /// The resolver's decision, unpacked into plain fields so that reading a variable copies
    /// no enum payload: depth -1 means a constant, -2 unresolved.
    private(set) var depth = -2
    private(set) var slot = 0
    private(set) var constant: Value = .null
    /// The built-in `constant` holds, when it is one: `CallExpr` calls it without copying
    /// (retaining) the function value. `constant` keeps it alive as long as this node.
    private(set) var constantBuiltin: Unretained<Builtin>?
    init(_ name: String, at location: SourceLocation) {
        self.name = name
        super.init(location)
    }

    var binding: Binding {
        get {
            switch depth {
            case -2: return .unresolved
            case -1: return .constant(constant)
            case 0: return .local(slot)
            default: return .outer(depth: depth, slot: slot)
            }
        }
        set {
            constantBuiltin = nil
            switch newValue {
            case .unresolved: depth = -2
            case .constant(let value):
                depth = -1
                constant = value
                if case .function(let box) = value, let builtin = box.builtin {
                    constantBuiltin = Unretained(builtin)
                }
            case .local(let s):
                depth = 0
                slot = s
            case .outer(let d, let s):
                depth = d
                slot = s
            }
        }
    }

    override var kind: ExprKind { .nameExpr(self) }
    override func eval(_ it: Interpreter) throws -> Value {
        if depth == 0 { return it.locals[slot] }
        return try evalOther(it)
    }

    /// Every binding but a local, out of line: the common case above then compiles to a
    /// few instructions without the stack frame the error path needs.
    @inline(never) private func evalOther(_ it: Interpreter) throws -> Value {
        if depth == 1 { return it.outerSlots.unsafelyUnwrapped[slot] }
        if depth > 1 { return it.activation.outer.unsafelyUnwrapped.with { $0.ancestorSlots(depth - 1) }[slot] }
        if depth == -1 { return constant }
        throw it.error(ErrorCode.typeError, "undefined variable '\(name)'", at: location)
    }

    /// Stores into the variable (assignment).
    @inline(__always) func store(_ value: Value, _ it: Interpreter) {
        if depth == 0 {
            it.locals[slot] = value
        } else if depth == 1 {
            it.outerSlots.unsafelyUnwrapped[slot] = value
        } else if depth > 1 {
            it.activation.outer.unsafelyUnwrapped.with { $0.ancestorSlots(depth - 1) }[slot] = value
        }
    }
}

/// `[a, b, c]`.
final class ListExpr: Expr {
    let items: [Expr]
    init(_ items: [Expr], at location: SourceLocation) {
        self.items = items
        super.init(location)
    }
    override var kind: ExprKind { .listExpr(self) }
    override func eval(_ it: Interpreter) throws -> Value {
        var values: [Value] = []
        values.reserveCapacity(items.count)
        for i in items.indices { values.append(try items.withElement(i) { try $0.eval(it) }) }
        return .list(ListBox(values))
    }
}

/// `{Key: v, "any key": w}`.
final class MapExpr: Expr {
    let keys: [String]
    let values: [Expr]
    init(keys: [String], values: [Expr], at location: SourceLocation) {
        self.keys = keys
        self.values = values
        self.uniqueKeys = Set(keys).count == keys.count ? ContiguousArray(keys) : nil
        super.init(location)
    }
    /// `keys` in the storage `OrderedDictionary` uses, when no key repeats: a new map then
    /// shares this buffer (copy-on-write) instead of inserting and looking up each key.
    private let uniqueKeys: ContiguousArray<String>?

    override var kind: ExprKind { .mapExpr(self) }
    override func eval(_ it: Interpreter) throws -> Value {
        if let uniqueKeys {
            var values = ContiguousArray<Value>()
            values.reserveCapacity(self.values.count)
            for i in self.values.indices { values.append(try self.values.withElement(i) { try $0.eval(it) }) }
            // Safe: the keys were checked to be distinct, and there is one value per key.
            return .map(MapBox(OrderedDictionary(uncheckedUniqueKeys: uniqueKeys, values: values)))
        }
        // A repeated key: the last value wins, as assignments in order would.
        let box = MapBox()
        box.entries.reserveCapacity(keys.count)
        for i in 0..<keys.count { box.entries[keys[i]] = try values.withElement(i) { try $0.eval(it) } }
        return .map(box)
    }
}

/// `fn (a, b) { ... }` or `fn (x) => x * 2`: a closure over the current frame.
final class FnExpr: Expr {
    let decl: FunctionDecl
    init(_ decl: FunctionDecl) {
        self.decl = decl
        super.init(decl.location)
    }
    override var kind: ExprKind { .fnExpr(self) }
    override func eval(_ it: Interpreter) throws -> Value {
        .function(FunctionBox(script: decl, captured: it.frame))
    }
}

/// A function's parameters, body and the frame size the resolver computed.
final class FunctionDecl {
    let name: String
    let params: [String]
    let body: BlockStmt
    let location: SourceLocation
    let source: SourceFile
    /// Slots needed by one activation: parameters first, then every local.
    var frameSize = 0
    /// `params.count`, read on every call.
    let paramCount: Int
    /// Whether the body creates closures, which capture the activation's variables: then
    /// the locals live in a heap `Frame`; otherwise on the interpreter's `ValueStack`.
    var needsHeapFrame = false
    init(name: String, params: [String], body: BlockStmt, location: SourceLocation, source: SourceFile) {
        self.name = name
        self.params = params
        self.paramCount = params.count
        self.body = body
        self.location = location
        self.source = source
    }
}
