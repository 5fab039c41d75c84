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
    init(_ op: BinaryOp, _ left: Expr, _ right: Expr, at location: SourceLocation) {
        self.op = op
        self.left = left
        self.right = right
        super.init(location)
    }

    override func eval(_ it: Interpreter) throws -> Value {
        let l = try left.eval(it)
        let r = try right.eval(it)
        if case .int(let a) = l, case .int(let b) = r {
            switch op {
            case .add:
                let (sum, overflow) = a.addingReportingOverflow(b)
                if !overflow { return .int(sum) }
            case .sub:
                let (difference, overflow) = a.subtractingReportingOverflow(b)
                if !overflow { return .int(difference) }
            case .mul:
                let (product, overflow) = a.multipliedReportingOverflow(by: b)
                if !overflow { return .int(product) }
            case .lt: return .bool(a < b)
            case .le: return .bool(a <= b)
            case .gt: return .bool(a > b)
            case .ge: return .bool(a >= b)
            case .eq: return .bool(a == b)
            case .ne: return .bool(a != b)
            case .mod:
                if b > 0 && a >= 0 { return .int(a % b) }
            default: break
            }
        }
        return try it.binary(op, l, r, at: location)
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
    override func eval(_ it: Interpreter) throws -> Value {
        let l = try left.eval(it)
        if case .null = l { return try right.eval(it) }
        return l
    }
}
