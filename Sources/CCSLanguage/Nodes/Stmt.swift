/// How a statement finished: normally, or by `break`, `continue` or `return` (the value of
/// `return` is left in `Interpreter.returnValue`). Control flow never uses Swift errors.
enum Exec {
    case normal, breakLoop, continueLoop, returned
}

/// A statement node; evaluates itself like `Expr`.
class Stmt {
    let location: SourceLocation
    init(_ location: SourceLocation) { self.location = location }
    func exec(_ it: Interpreter) throws -> Exec {
        preconditionFailure("Stmt.exec is abstract; \(type(of: self)) must override it")
    }
    /// This node as its concrete class.
    var kind: StmtKind {
        preconditionFailure("Stmt.kind is abstract; \(type(of: self)) must override it")
    }
}

/// `{ statements }`.
final class BlockStmt: Stmt {
    let statements: [Stmt]
    init(_ statements: [Stmt], at location: SourceLocation) {
        self.statements = statements
        super.init(location)
    }
    override var kind: StmtKind { .blockStmt(self) }
    override func exec(_ it: Interpreter) throws -> Exec {
        var i = 0
        let count = statements.count
        while i < count {
            // Borrowed, not retained: loading a class reference out of an array retains it.
            let result = try statements.withElement(i) { try $0.exec(it) }
            if case .normal = result {
                i += 1
                continue
            }
            return result
        }
        return .normal
    }
}

/// An expression used as a statement. At the top level its value is kept for `ccs -e`.
final class ExprStmt: Stmt {
    let expr: Expr
    let keepsValue: Bool
    init(_ expr: Expr, keepsValue: Bool) {
        self.expr = expr
        self.keepsValue = keepsValue
        super.init(expr.location)
    }
    override var kind: StmtKind { .exprStmt(self) }
    override func exec(_ it: Interpreter) throws -> Exec {
        let value = try expr.eval(it)
        if keepsValue { it.lastValue = value }
        return .normal
    }
}

/// `let name = value`.
final class LetStmt: Stmt {
    let name: String
    let value: Expr
    var slot = -1
    init(_ name: String, _ value: Expr, at location: SourceLocation) {
        self.name = name
        self.value = value
        super.init(location)
    }
    override var kind: StmtKind { .letStmt(self) }
    override func exec(_ it: Interpreter) throws -> Exec {
        it.locals[slot] = try value.eval(it)
        return .normal
    }
}

/// `fn name(params) { body }`: binds a closure to `name` (hoisted within its block).
final class FnStmt: Stmt {
    let decl: FunctionDecl
    var slot = -1
    init(_ decl: FunctionDecl) {
        self.decl = decl
        super.init(decl.location)
    }
    override var kind: StmtKind { .fnStmt(self) }
    override func exec(_ it: Interpreter) throws -> Exec {
        it.locals[slot] = .function(FunctionBox(script: decl, captured: it.frame))
        return .normal
    }
}

/// `return [value]`.
final class ReturnStmt: Stmt {
    /// The returned expression; `null` for a bare `return` (not optional: no unwrapping on
    /// the hot path).
    let value: Expr
    init(_ value: Expr?, at location: SourceLocation) {
        self.value = value ?? LiteralExpr(.null, at: location)
        super.init(location)
    }
    override var kind: StmtKind { .returnStmt(self) }
    override func exec(_ it: Interpreter) throws -> Exec {
        it.returnValue = try value.eval(it)
        return .returned
    }
}

/// `if cond { } [else if ... | else { }]`.
final class IfStmt: Stmt {
    let condition: Expr
    let then: BlockStmt
    /// The else branch; an empty block when there is none (not optional, as in ReturnStmt).
    let otherwise: Stmt
    init(_ condition: Expr, then: BlockStmt, otherwise: Stmt?, at location: SourceLocation) {
        self.condition = condition
        self.then = then
        self.otherwise = otherwise ?? BlockStmt([], at: location)
        super.init(location)
    }
    override var kind: StmtKind { .ifStmt(self) }
    override func exec(_ it: Interpreter) throws -> Exec {
        if try condition.eval(it).isTruthy { return try then.exec(it) }
        return try otherwise.exec(it)
    }
}

/// `break`.
final class BreakStmt: Stmt {
    override var kind: StmtKind { .breakStmt(self) }
    override func exec(_ it: Interpreter) throws -> Exec { .breakLoop }
}

/// `continue`.
final class ContinueStmt: Stmt {
    override var kind: StmtKind { .continueStmt(self) }
    override func exec(_ it: Interpreter) throws -> Exec { .continueLoop }
}

/// `throw value`.
final class ThrowStmt: Stmt {
    let value: Expr
    init(_ value: Expr, at location: SourceLocation) {
        self.value = value
        super.init(location)
    }
    override var kind: StmtKind { .throwStmt(self) }
    override func exec(_ it: Interpreter) throws -> Exec {
        throw try it.thrownError(try value.eval(it), at: location)
    }
}
