/// Binary operators with both operands evaluated.
enum BinaryOp: String {
    case add = "+", sub = "-", mul = "*", div = "/", mod = "%"
    case eq = "==", ne = "!=", lt = "<", le = "<=", gt = ">", ge = ">="
    case `in` = "in", notIn = "not in"
}

/// `a + b`, `a < b`, `a in b`... Integer fast paths inline; everything else in
/// `Interpreter.binary`.
final class BinaryExpr: Expr {
    let op: BinaryOp
    let left: Expr
    let right: Expr
    /// The commonest shape in loops and recursion, `local op int` (`n < 2`, `i + 1`), is
    /// evaluated without calling either child: `leftIsName` says `left` is a variable,
    /// `rightInt` is the right operand when it is an integer literal.
    let leftIsName: Bool
    let rightInt: Int
    let rightIsInt: Bool
    init(_ op: BinaryOp, _ left: Expr, _ right: Expr, at location: SourceLocation) {
        self.op = op
        self.left = left
        self.right = right
        self.leftIsName = left is NameExpr
        if let literal = right as? LiteralExpr, case .int(let n) = literal.value {
            rightInt = n
            rightIsInt = true
        } else {
            rightInt = 0
            rightIsInt = false
        }
        super.init(location)
    }

    override var kind: ExprKind { .binaryExpr(self) }
    override func eval(_ it: Interpreter) throws -> Value {
        // Reading a local has no side effects, so when the shortcut does not apply (not an
        // int, overflow) evaluating the children below gives the same result.
        if rightIsInt {
            if leftIsName {
                // The slot is read in place (`intValue` borrows it): no copy, no retain.
                let name = unsafeDowncast(left, to: NameExpr.self)
                let slot = name.depth == 0 ? name.slot : -1
                if slot >= 0, let a = (it.locals + slot).pointee.intValue,
                   let result = BinaryExpr.integers(op, a, rightInt) {
                    return result
                }
            }
            // `len(xs) > 0`: the literal's value is known, so the right child is not called.
            let l = try left.eval(it)
            if case .int(let a) = l, let result = BinaryExpr.integers(op, a, rightInt) { return result }
            return try it.binary(op, l, .int(rightInt), at: location)
        }
        let l = try left.eval(it)
        let r = try right.eval(it)
        if case .int(let a) = l, case .int(let b) = r, let result = BinaryExpr.integers(op, a, b) {
            return result
        }
        return try it.binary(op, l, r, at: location)
    }

    /// `a op b` on two ints when the result is an int or bool; nil when `Interpreter.binary`
    /// must decide (overflow to float, division, negative modulo, `in`).
    @inline(__always) static func integers(_ op: BinaryOp, _ a: Int, _ b: Int) -> Value? {
        switch op {
        case .add:
            let (sum, overflow) = a.addingReportingOverflow(b)
            return overflow ? nil : .int(sum)
        case .sub:
            let (difference, overflow) = a.subtractingReportingOverflow(b)
            return overflow ? nil : .int(difference)
        case .mul:
            let (product, overflow) = a.multipliedReportingOverflow(by: b)
            return overflow ? nil : .int(product)
        case .lt: return .bool(a < b)
        case .le: return .bool(a <= b)
        case .gt: return .bool(a > b)
        case .ge: return .bool(a >= b)
        case .eq: return .bool(a == b)
        case .ne: return .bool(a != b)
        case .mod: return b > 0 && a >= 0 ? .int(a % b) : nil
        default: return nil
        }
    }
}

/// `-x`, `!x`, `not x`.
final class UnaryExpr: Expr {
    let negate: Bool
    let operand: Expr
    init(negate: Bool, _ operand: Expr, at location: SourceLocation) {
        self.negate = negate
        self.operand = operand
        super.init(location)
    }
    override var kind: ExprKind { .unaryExpr(self) }
    override func eval(_ it: Interpreter) throws -> Value {
        let value = try operand.eval(it)
        guard negate else { return .bool(!value.isTruthy) }
        switch value {
        case .int(let i):
            if i == Int.min { return .double(-Double(i)) }
            return .int(-i)
        case .double(let d): return .double(-d)
        default:
            throw it.error(ErrorCode.typeError, "attempt to negate \(value.withArticle) value", at: location)
        }
    }
}

/// `a and b`, `a or b` (also `&&`, `||`): short-circuit, yielding an operand's value.
final class LogicalExpr: Expr {
    let isAnd: Bool
    let left: Expr
    let right: Expr
    init(isAnd: Bool, _ left: Expr, _ right: Expr, at location: SourceLocation) {
        self.isAnd = isAnd
        self.left = left
        self.right = right
        super.init(location)
    }
    override var kind: ExprKind { .logicalExpr(self) }
    override func eval(_ it: Interpreter) throws -> Value {
        let l = try left.eval(it)
        if l.isTruthy != isAnd { return l }
        return try right.eval(it)
    }
}

/// `a ?? b`: `a` unless it is null.
final class CoalesceExpr: Expr {
    let left: Expr
    let right: Expr
    init(_ left: Expr, _ right: Expr, at location: SourceLocation) {
        self.left = left
        self.right = right
        super.init(location)
    }
    override var kind: ExprKind { .coalesceExpr(self) }
    override func eval(_ it: Interpreter) throws -> Value {
        let l = try left.eval(it)
        if case .null = l { return try right.eval(it) }
        return l
    }
}

/// `a if cond else b`: `a` when `cond` is true, else `b`; only the chosen one is evaluated.
final class ConditionalExpr: Expr {
    let condition: Expr
    let then: Expr
    let otherwise: Expr
    init(_ then: Expr, if condition: Expr, else otherwise: Expr, at location: SourceLocation) {
        self.condition = condition
        self.then = then
        self.otherwise = otherwise
        super.init(location)
    }
    override var kind: ExprKind { .conditionalExpr(self) }
    override func eval(_ it: Interpreter) throws -> Value {
        try condition.eval(it).isTruthy ? try then.eval(it) : try otherwise.eval(it)
    }
}
