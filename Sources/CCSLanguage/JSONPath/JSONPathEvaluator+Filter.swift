/// Filter expressions (RFC 9535 §2.3.5.2) and function extensions (§2.4).
extension JSONPathEvaluator {
    func test(_ expression: LogicalExpression, current: Value) -> Bool {
        switch expression {
        case .or(let operands):
            for operand in operands where test(operand, current: current) { return true }
            return false
        case .and(let operands):
            for operand in operands where !test(operand, current: current) { return false }
            return true
        case .not(let operand):
            return !test(operand, current: current)
        case .exists(let query):
            if query.singularSteps != nil { return singular(query, current: current) != nil }
            return !select(query, from: PlainNode(value: query.absolute ? root : current)).isEmpty
        case .function(let call):
            return logical(call, current: current)
        case .comparison(let left, let comparison, let right):
            return Self.compare(
                evaluate(left, current: current), comparison, evaluate(right, current: current))
        }
    }

    /// A comparable's value, or nil for Nothing (an empty node list or a function result
    /// of Nothing, §2.3.5.2.2).
    func evaluate(_ comparable: Comparable, current: Value) -> Value? {
        switch comparable {
        case .literal(let value): return value
        case .query(let query): return singular(query, current: current)
        case .function(let call): return value(call, current: current)
        }
    }

    /// Walks a singular query without building node lists.
    func singular(_ query: PathQuery, current: Value) -> Value? {
        guard let steps = query.singularSteps else { return nil }
        var value = query.absolute ? root : current
        for step in steps {
            switch (step, value) {
            case (.name(let name), .map(let box)):
                guard let member = Self.member(box, name) else { return nil }
                value = Self.resolved(member)
            case (.index(let index), .list(let box)):
                guard let position = Self.normalize(index, count: box.items.count) else { return nil }
                value = Self.resolved(box.items[position])
            default:
                return nil
            }
        }
        return value
    }

    func nodes(_ query: PathQuery, current: Value) -> [Value] {
        select(query, from: PlainNode(value: query.absolute ? root : current)).map(\.value)
    }

    /// The ValueType functions: length (§2.4.4), count (§2.4.5), value (§2.4.8).
    func value(_ call: FunctionCall, current: Value) -> Value? {
        switch (call.function, call.arguments.first) {
        case (.length, .value(let argument)?):
            switch evaluate(argument, current: current) {
            case .string(let text)?: return .int(text.unicodeScalars.count)
            case .list(let box)?: return .int(box.items.count)
            case .map(let box)?: return .int(box.entries.count)
            default: return nil
            }
        case (.count, .nodes(let query)?):
            return .int(nodes(query, current: current).count)
        case (.value, .nodes(let query)?):
            let selected = nodes(query, current: current)
            return selected.count == 1 ? selected[0] : nil
        default:
            return nil
        }
    }

    /// The LogicalType functions: match (§2.4.6, the whole string) and search (§2.4.7, any
    /// substring). Non-strings and invalid I-Regexps give false.
    func logical(_ call: FunctionCall, current: Value) -> Bool {
        guard call.arguments.count == 2,
            case .value(let subject) = call.arguments[0],
            case .value(let pattern) = call.arguments[1],
            case .string(let text)? = evaluate(subject, current: current)
        else { return false }
        let regexp: IRegexp
        if let compiled = call.literalPattern {
            regexp = compiled
        } else {
            guard case .string(let source)? = evaluate(pattern, current: current),
                let compiled = IRegexp(source)
            else { return false }
            regexp = compiled
        }
        return call.function == .match ? regexp.matchesWhole(text) : regexp.matchesSubstring(text)
    }

    /// comparison-expr semantics (§2.3.5.2.2): Nothing equals only Nothing; `<` is defined
    /// for two numbers or two strings and is false otherwise; `<=` is `<` or `==`.
    static func compare(_ left: Value?, _ comparison: ComparisonOperator, _ right: Value?) -> Bool {
        switch comparison {
        case .equal: return equal(left, right)
        case .notEqual: return !equal(left, right)
        case .less: return less(left, right)
        case .lessOrEqual: return less(left, right) || equal(left, right)
        case .greater: return less(right, left)
        case .greaterOrEqual: return less(right, left) || equal(left, right)
        }
    }

    static func equal(_ left: Value?, _ right: Value?) -> Bool {
        switch (left, right) {
        case (nil, nil): return true
        case (let left?, let right?): return deepEqual(left, right)
        default: return false
        }
    }

    /// Equality of JSON values: numbers by value (1 == 1.0), strings by code points, arrays
    /// element-wise, objects by member set regardless of order. Values nested deeper than
    /// `maxDescent` compare unequal, which bounds the recursion (and ends it for a list that
    /// contains itself).
    static func deepEqual(_ left: Value, _ right: Value, depth: Int = 0) -> Bool {
        switch (left, right) {
        case (.null, .null): return true
        case (.bool(let a), .bool(let b)): return a == b
        case (.int(let a), .int(let b)): return a == b
        case (.int(let a), .double(let b)): return Double(a) == b
        case (.double(let a), .int(let b)): return a == Double(b)
        case (.double(let a), .double(let b)): return a == b
        case (.string(let a), .string(let b)): return a.utf8.elementsEqual(b.utf8)
        case (.list(let a), .list(let b)):
            guard a.items.count == b.items.count, depth < maxDescent else { return false }
            for (x, y) in zip(a.items, b.items) where !deepEqual(resolved(x), resolved(y), depth: depth + 1) {
                return false
            }
            return true
        case (.map(let a), .map(let b)):
            guard a.entries.count == b.entries.count, depth < maxDescent else { return false }
            for (key, x) in a.entries {
                guard let y = member(b, key), deepEqual(resolved(x), resolved(y), depth: depth + 1) else {
                    return false
                }
            }
            return true
        case (.object, _), (_, .object):
            guard depth < maxDescent else { return false }
            return deepEqual(resolved(left), resolved(right), depth: depth + 1)
        case (.function(let a), .function(let b)): return a === b
        case (.sequence(let a), .sequence(let b)): return a === b
        default: return false
        }
    }

    static func less(_ left: Value?, _ right: Value?) -> Bool {
        switch (left, right) {
        case (.int(let a)?, .int(let b)?): return a < b
        case (.int(let a)?, .double(let b)?): return Double(a) < b
        case (.double(let a)?, .int(let b)?): return a < Double(b)
        case (.double(let a)?, .double(let b)?): return a < b
        // UTF-8 byte order is code point order, which §2.3.5.2.2 prescribes.
        case (.string(let a)?, .string(let b)?): return a.utf8.lexicographicallyPrecedes(b.utf8)
        default: return false
        }
    }
}
