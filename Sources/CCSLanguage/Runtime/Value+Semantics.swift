import OrderedCollections

extension Value {
    /// The name `type(x)` returns.
    public var typeName: String {
        switch self {
        case .null: return "null"
        case .bool: return "bool"
        case .int: return "int"
        case .double: return "float"
        case .string: return "string"
        case .list: return "list"
        case .map: return "map"
        case .function: return "function"
        case .sequence: return "sequence"
        case .object(let object): return object.typeName
        }
    }

    /// Truthiness for `if`, `while`, `and`, `or`, `not`: null, false, 0, 0.0, "" and empty
    /// lists and maps are false; everything else (sequences included, which are never forced)
    /// is true.
    @inline(__always) public var isTruthy: Bool {
        switch self {
        case .bool(let b): return b
        case .null: return false
        case .int(let i): return i != 0
        case .double(let d): return d != 0
        case .string(let s): return !s.isEmpty
        case .list(let l): return !l.items.isEmpty
        case .map(let m): return !m.entries.isEmpty
        case .function, .sequence, .object: return true
        }
    }

    /// Structural equality: numbers compare by value across int and float, lists and maps
    /// element by element (map key order does not matter), functions and host objects by
    /// identity. Containers are compared by `StructuralEquality`, without recursion, so any
    /// depth and any cycle gets an answer: two cyclic values are equal when no walk through
    /// them in step finds a difference (`a = [a]` equals `b = [b]`).
    public static func equal(_ a: Value, _ b: Value) -> Bool {
        switch (a, b) {
        case (.list, .list), (.map, .map):
            var comparison = StructuralEquality()
            return comparison.equal(a, b)
        default:
            return scalarEqual(a, b)
        }
    }

    /// Equality of two values of which at most one is a list or map (so no walk is needed).
    @inline(__always) static func scalarEqual(_ a: Value, _ b: Value) -> Bool {
        switch (a, b) {
        case (.null, .null): return true
        case let (.bool(x), .bool(y)): return x == y
        case let (.int(x), .int(y)): return x == y
        case let (.double(x), .double(y)): return x == y
        case let (.int(x), .double(y)): return Double(x) == y
        case let (.double(x), .int(y)): return x == Double(y)
        case let (.string(x), .string(y)): return x == y
        case let (.function(x), .function(y)): return x === y
        case let (.sequence(x), .sequence(y)): return x === y
        case let (.object(x), .object(y)): return x === y
        default: return false
        }
    }

    /// Ordering for `<` and `sort`: numbers with numbers, strings with strings (by Unicode
    /// scalar values), lists with lists lexicographically (element by element, a prefix
    /// first), so that `sort(rows, fn(r) => [r.type, r.name])` sorts by several keys; nil when
    /// the two cannot be compared.
    public static func compare(_ a: Value, _ b: Value) -> Int? {
        compare(a, b, depth: 0)
    }

    private static func compare(_ a: Value, _ b: Value, depth: Int) -> Int? {
        switch (a, b) {
        case let (.int(x), .int(y)): return x < y ? -1 : (x == y ? 0 : 1)
        case let (.string(x), .string(y)):
            return x.unicodeScalars.lexicographicallyPrecedes(y.unicodeScalars) ? -1 : (x == y ? 0 : 1)
        case let (.list(x), .list(y)):
            // Nested as deep as JSON goes, and no deeper: a list holding itself is unordered.
            guard depth < JSONCodec.maxDepth else { return nil }
            if x === y { return 0 }
            for i in 0..<Swift.min(x.items.count, y.items.count) {
                guard let c = compare(x.items[i], y.items[i], depth: depth + 1) else { return nil }
                if c != 0 { return c }
            }
            return x.items.count < y.items.count ? -1 : (x.items.count == y.items.count ? 0 : 1)
        default:
            guard let x = a.asDouble, let y = b.asDouble else { return nil }
            return x < y ? -1 : (x == y ? 0 : 1)
        }
    }

    /// The integer, if this is one. Read through a pointer (`slot.pointee.intValue`) it
    /// looks at the value in place, without copying (retaining) a container payload.
    @inline(__always) var intValue: Int? {
        if case .int(let i) = self { return i }
        return nil
    }

    /// The numeric value as a Double, for mixed int/float arithmetic.
    @inline(__always) var asDouble: Double? {
        switch self {
        case .int(let i): return Double(i)
        case .double(let d): return d
        default: return nil
        }
    }
}

extension Value {
    /// The type name with its indefinite article, for messages: "an int", "a list".
    var withArticle: String {
        let name = typeName
        let vowel = name.first.map { "aeiou".contains($0) } ?? false
        return (vowel ? "an " : "a ") + name
    }
}
