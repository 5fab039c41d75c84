import Foundation

extension Interpreter {
    /// The general case of a binary operator (the int fast paths are in `BinaryExpr`).
    func binary(_ op: BinaryOp, _ l: Value, _ r: Value, at location: SourceLocation) throws -> Value {
        switch op {
        case .eq: return .bool(Value.equal(l, r))
        case .ne: return .bool(!Value.equal(l, r))
        case .lt, .le, .gt, .ge:
            guard let order = Value.compare(l, r) else {
                throw error(ErrorCode.typeError, "attempt to compare \(l.typeName) with \(r.typeName)", at: location)
            }
            switch op {
            case .lt: return .bool(order < 0)
            case .le: return .bool(order <= 0)
            case .gt: return .bool(order > 0)
            default: return .bool(order >= 0)
            }
        case .in: return .bool(try contains(r, l, at: location))
        case .notIn: return .bool(!(try contains(r, l, at: location)))
        case .add: return try add(l, r, at: location)
        case .sub, .mul, .div, .mod: return try arithmetic(op, l, r, at: location)
        }
    }

    func add(_ l: Value, _ r: Value, at location: SourceLocation) throws -> Value {
        switch (l, r) {
        case let (.int(a), .int(b)):
            let (sum, overflow) = a.addingReportingOverflow(b)
            return overflow ? .double(Double(a) + Double(b)) : .int(sum)
        case let (.string(a), .string(b)): return .string(a + b)
        case let (.list(a), .list(b)): return .list(ListBox(a.items + b.items))
        case let (.map(a), .map(b)):
            let merged = MapBox(a.entries)
            for (key, value) in b.entries { merged.entries[key] = value }
            return .map(merged)
        case let (.sequence(a), .list(b)): return .list(ListBox(try collect(a, at: location) + b.items))
        case let (.list(a), .sequence(b)): return .list(ListBox(a.items + (try collect(b, at: location))))
        case let (.sequence(a), .sequence(b)):
            return .list(ListBox(try collect(a, at: location) + (try collect(b, at: location))))
        default:
            if let a = l.asDouble, let b = r.asDouble { return .double(a + b) }
            throw error(ErrorCode.typeError, "attempt to add \(l.typeName) and \(r.typeName)", at: location)
        }
    }

    func arithmetic(_ op: BinaryOp, _ l: Value, _ r: Value, at location: SourceLocation) throws -> Value {
        if case .int(let a) = l, case .int(let b) = r {
            switch op {
            case .sub:
                let (v, o) = a.subtractingReportingOverflow(b)
                return o ? .double(Double(a) - Double(b)) : .int(v)
            case .mul:
                let (v, o) = a.multipliedReportingOverflow(by: b)
                return o ? .double(Double(a) * Double(b)) : .int(v)
            case .div:
                if b == 0 { throw error(ErrorCode.divisionByZero, "division by zero", at: location) }
                if b != -1 && a % b == 0 { return .int(a / b) }
                return .double(Double(a) / Double(b))
            default:
                if b == 0 { throw error(ErrorCode.divisionByZero, "modulo by zero", at: location) }
                if b == -1 { return .int(0) }
                // Floored modulo: the result has the sign of the divisor (as in Lua and Python).
                let m = a % b
                return .int(m != 0 && (m < 0) != (b < 0) ? m + b : m)
            }
        }
        guard let a = l.asDouble, let b = r.asDouble else {
            let verb = op == .sub ? "subtract" : op == .mul ? "multiply" : op == .div ? "divide" : "take the modulo of"
            throw error(ErrorCode.typeError, "attempt to \(verb) \(l.typeName) and \(r.typeName)", at: location)
        }
        switch op {
        case .sub: return .double(a - b)
        case .mul: return .double(a * b)
        case .div:
            if b == 0 { throw error(ErrorCode.divisionByZero, "division by zero", at: location) }
            return .double(a / b)
        default:
            if b == 0 { throw error(ErrorCode.divisionByZero, "modulo by zero", at: location) }
            return .double(a - (a / b).rounded(.down) * b)
        }
    }

    /// `needle in haystack`: substring, list element, map key.
    func contains(_ haystack: Value, _ needle: Value, at location: SourceLocation) throws -> Bool {
        switch haystack {
        case .string(let s):
            guard case .string(let sub) = needle else {
                throw error(ErrorCode.typeError, "'in <string>' requires a string on the left, got \(needle.typeName)", at: location)
            }
            return sub.isEmpty || s.contains(sub)
        case .list(let box): return box.items.contains { Value.equal($0, needle) }
        case .map(let box):
            guard case .string(let key) = needle else { return false }
            return box.entries[key] != nil
        case .sequence(let box):
            let iterator = box.makeIterator()
            do {
                while let item = try iterator.next() {
                    if Value.equal(item, needle) { return true }
                }
            } catch let failure as ScriptError {
                throw placed(failure, at: location)
            }
            return false
        default:
            throw error(ErrorCode.typeError, "attempt to use 'in' on \(haystack.withArticle) value", at: location)
        }
    }
}
