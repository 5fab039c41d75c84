/// `name = value`, `name += value`...
final class AssignNameStmt: Stmt {
    let target: NameExpr
    let op: BinaryOp?
    let value: Expr
    init(_ target: NameExpr, op: BinaryOp?, _ value: Expr, at location: SourceLocation) {
        self.target = target
        self.op = op
        self.value = value
        super.init(location)
    }
    override var kind: StmtKind { .assignNameStmt(self) }
    override func exec(_ it: Interpreter) throws -> Exec {
        let rhs = try value.eval(it)
        if let op {
            var current = try target.eval(it)
            if op == .add {
                if case .int(let a) = current, case .int(let b) = rhs {
                    let (sum, overflow) = a.addingReportingOverflow(b)
                    if !overflow {
                        target.store(.int(sum), it)
                        return .normal
                    }
                }
                // `s += t`: empty the variable first so the string's buffer is uniquely
                // referenced and grows in place (amortized O(len(t)), not O(len(s))).
                if case .string(var text) = current, case .string(let more) = rhs {
                    current = .null
                    target.store(.null, it)
                    text += more
                    target.store(.string(text), it)
                    return .normal
                }
            }
            target.store(try it.compound(op, current, rhs, at: location), it)
        } else {
            target.store(rhs, it)
        }
        return .normal
    }
}

/// `object.name = value` (maps; a missing key is added).
final class AssignFieldStmt: Stmt {
    let object: Expr
    let name: String
    let op: BinaryOp?
    let value: Expr
    init(_ object: Expr, _ name: String, op: BinaryOp?, _ value: Expr, at location: SourceLocation) {
        self.object = object
        self.name = name
        self.op = op
        self.value = value
        super.init(location)
    }
    override var kind: StmtKind { .assignFieldStmt(self) }
    override func exec(_ it: Interpreter) throws -> Exec {
        let container = try object.eval(it)
        guard case .map(let box) = container else {
            throw it.error(ErrorCode.typeError, "attempt to set field '\(name)' of \(container.withArticle) value", at: location)
        }
        let rhs = try value.eval(it)
        if let op {
            let current = try it.field(container, name, optional: false, at: location)
            box.entries[name] = try it.compound(op, current, rhs, at: location)
        } else {
            box.entries[name] = rhs
        }
        return .normal
    }
}

/// `object[key] = value` (lists: an existing index; maps: any string key).
final class AssignIndexStmt: Stmt {
    let object: Expr
    let index: Expr
    let op: BinaryOp?
    let value: Expr
    init(_ object: Expr, _ index: Expr, op: BinaryOp?, _ value: Expr, at location: SourceLocation) {
        self.object = object
        self.index = index
        self.op = op
        self.value = value
        super.init(location)
    }
    override var kind: StmtKind { .assignIndexStmt(self) }
    override func exec(_ it: Interpreter) throws -> Exec {
        let container = try object.eval(it)
        let key = try index.eval(it)
        var rhs = try value.eval(it)
        if let op {
            rhs = try it.compound(op, try it.index(container, key, optional: false, at: location), rhs, at: location)
        }
        switch container {
        case .list(let box):
            guard let i = it.integerIndex(key) else {
                throw it.error(ErrorCode.typeError, "list index must be an integer, got \(key.typeName)", at: location)
            }
            let resolved = i < 0 ? i + box.items.count : i
            guard resolved >= 0 && resolved < box.items.count else {
                throw it.error(ErrorCode.indexError, "list index \(i) out of range (length \(box.items.count))", at: location)
            }
            box.items[resolved] = rhs
        case .map(let box):
            guard case .string(let name) = key else {
                throw it.error(ErrorCode.typeError, "map key must be a string, got \(key.typeName)", at: location)
            }
            box.entries[name] = rhs
        default:
            throw it.error(ErrorCode.typeError, "attempt to set an index of \(container.withArticle) value", at: location)
        }
        return .normal
    }
}

extension Interpreter {
    /// The new value for `target op= rhs`. `list += list` extends the list in place.
    func compound(_ op: BinaryOp, _ current: Value, _ rhs: Value, at location: SourceLocation) throws -> Value {
        if op == .add, case .list(let box) = current, case .list(let more) = rhs {
            box.items.append(contentsOf: more.items)
            return current
        }
        return try binary(op, current, rhs, at: location)
    }
}
