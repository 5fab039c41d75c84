/// `while cond { body }`.
final class WhileStmt: Stmt {
    let condition: Expr
    let body: BlockStmt
    init(_ condition: Expr, _ body: BlockStmt, at location: SourceLocation) {
        self.condition = condition
        self.body = body
        super.init(location)
    }
    override var kind: StmtKind { .whileStmt(self) }
    override func exec(_ it: Interpreter) throws -> Exec {
        while try condition.eval(it).isTruthy {
            try it.poll()
            switch try body.exec(it) {
            case .normal, .continueLoop: continue
            case .breakLoop: return .normal
            case .returned: return .returned
            }
        }
        return .normal
    }
}

/// `for x in seq { }`, `for k, v in map { }`, `for i, x in list { }`.
/// Lists, maps, strings and ranges are walked directly; other sequences through their
/// iterator, one element at a time.
final class ForStmt: Stmt {
    let first: String
    let second: String?
    let iterable: Expr
    let body: BlockStmt
    var firstSlot = -1
    var secondSlot = -1
    init(_ first: String, _ second: String?, in iterable: Expr, _ body: BlockStmt, at location: SourceLocation) {
        self.first = first
        self.second = second
        self.iterable = iterable
        self.body = body
        super.init(location)
    }

    /// Runs the body once; nil means keep looping, otherwise the loop ends with that result.
    @inline(__always) private func step(_ it: Interpreter) throws -> Exec? {
        try it.poll()
        switch try body.exec(it) {
        case .normal, .continueLoop: return nil
        case .breakLoop: return .normal
        case .returned: return .returned
        }
    }

    /// The sequence's next element; an error producing it (a page fetch failing) is placed
    /// at the loop's collection expression, not left without a position.
    @inline(__always) private func next(_ iterator: ValueIterator, _ it: Interpreter) throws -> Value? {
        do {
            return try iterator.next()
        } catch let failure as ScriptError {
            throw it.placed(failure, at: iterable.location)
        }
    }

    @inline(__always) private func bind(_ it: Interpreter, _ a: Value, _ b: Value) {
        if secondSlot >= 0 {
            it.locals[firstSlot] = a
            it.locals[secondSlot] = b
        } else {
            it.locals[firstSlot] = b
        }
    }

    override var kind: StmtKind { .forStmt(self) }
    override func exec(_ it: Interpreter) throws -> Exec {
        let collection = try iterable.eval(it)
        switch collection {
        case .list(let box):
            var i = 0
            while i < box.items.count {
                bind(it, .int(i), box.items[i])
                if let done = try step(it) { return done }
                i += 1
            }
        case .map(let box):
            let entries = box.entries
            for (key, value) in entries {
                if secondSlot >= 0 {
                    it.locals[firstSlot] = .string(key)
                    it.locals[secondSlot] = value
                } else {
                    it.locals[firstSlot] = .string(key)
                }
                if let done = try step(it) { return done }
            }
        case .string(let s):
            var i = 0
            for character in s {
                bind(it, .int(i), .string(String(character)))
                if let done = try step(it) { return done }
                i += 1
            }
        case .sequence(let box):
            let iterator = box.makeIterator()
            if let range = iterator as? RangeIterator, secondSlot < 0 {
                var i = range.current
                while range.step > 0 ? i < range.end : i > range.end {
                    it.locals[firstSlot] = .int(i)
                    if let done = try step(it) { return done }
                    // Past Int's limits there is nothing left below `end` (issue 16, F3).
                    let (next, overflow) = i.addingReportingOverflow(range.step)
                    if overflow { break }
                    i = next
                }
                return .normal
            }
            var i = 0
            while let item = try next(iterator, it) {
                bind(it, .int(i), item)
                if let done = try step(it) { return done }
                i += 1
            }
        default:
            throw it.error(ErrorCode.typeError, "attempt to iterate over \(collection.withArticle) value", at: iterable.location)
        }
        return .normal
    }
}
