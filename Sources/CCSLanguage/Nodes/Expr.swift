/// An expression node. Each concrete node is a final class with `let` children and evaluates
/// itself: a virtual call per node, no protocol-typed children, no dictionary lookups.
class Expr {
    let location: SourceLocation
    init(_ location: SourceLocation) { self.location = location }

    /// Evaluates the expression in the interpreter's current frame.
    func eval(_ it: Interpreter) throws -> Value {
        preconditionFailure("Expr.eval is abstract; \(type(of: self)) must override it")
    }
}

/// `42`, `"text"`, `true`, `null`.
final class LiteralExpr: Expr {
    let value: Value
    init(_ value: Value, at location: SourceLocation) {
        self.value = value
        super.init(location)
    }
    override func eval(_ it: Interpreter) throws -> Value { value }
}

/// `"a ${b} c"`: the parts' string forms concatenated (strings raw, others as JSON).
final class TemplateExpr: Expr {
    let parts: [Expr]
    init(_ parts: [Expr], at location: SourceLocation) {
        self.parts = parts
        super.init(location)
    }
    override func eval(_ it: Interpreter) throws -> Value {
        var result = ""
        for part in parts {
            let value = try part.eval(it)
            if case .string(let s) = value {
                result += s
            } else {
                result += try it.stringify(value)
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
    var binding: Binding = .unresolved
    init(_ name: String, at location: SourceLocation) {
        self.name = name
        super.init(location)
    }
    override func eval(_ it: Interpreter) throws -> Value {
        switch binding {
        case .local(let slot): return it.frame.slots[slot]
        case .outer(let depth, let slot): return it.frame.ancestor(depth).slots[slot]
        case .constant(let value): return value
        case .unresolved: throw it.error(ErrorCode.typeError, "undefined variable '\(name)'", at: location)
        }
    }

    /// Stores into the variable (assignment).
    @inline(__always) func store(_ value: Value, _ it: Interpreter) {
        switch binding {
        case .local(let slot): it.frame.slots[slot] = value
        case .outer(let depth, let slot): it.frame.ancestor(depth).slots[slot] = value
        case .constant, .unresolved: break
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
    override func eval(_ it: Interpreter) throws -> Value {
        var values: [Value] = []
        values.reserveCapacity(items.count)
        for item in items { values.append(try item.eval(it)) }
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
        super.init(location)
    }
    override func eval(_ it: Interpreter) throws -> Value {
        let box = MapBox()
        box.entries.reserveCapacity(keys.count)
        for i in 0..<keys.count { box.entries[keys[i]] = try values[i].eval(it) }
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
    init(name: String, params: [String], body: BlockStmt, location: SourceLocation, source: SourceFile) {
        self.name = name
        self.params = params
        self.body = body
        self.location = location
        self.source = source
    }
}
