import OrderedCollections

/// Reordering, deduplicating, grouping and removing: the list and map functions beyond
/// `sort` and `push`.
extension StandardLibrary {
    static let collectionBuiltins: [Builtin] = [
        Builtin("reverse", arity: 1, doc: "reverse(x): a new list (or string) with the elements (characters) in reverse order.") { args, ctx in
            if case .string(let s) = args[0] { return .string(String(s.reversed())) }
            return .list(ListBox(try ctx.elements(args, 0, "reverse").reversed()))
        },
        Builtin("unique", minArity: 1, maxArity: 2,
                doc: "unique(xs, key?): the elements without repeats (equal by ==, or by key(x)), first occurrences in order.") { args, ctx in
            let items = try ctx.elements(args, 0, "unique")
            let key = args.count > 1 ? try ctx.function(args, 1, "unique") : nil
            var seen = SeenValues()
            var kept: [Value] = []
            for item in items where seen.insert(try key.map { try ctx.call($0, [item]) } ?? item) {
                kept.append(item)
            }
            return .list(ListBox(kept))
        },
        Builtin("group_by", arity: 2,
                doc: "group_by(xs, key): a map from each key(x) (as a string) to the list of elements with that key, in first-seen order.") { args, ctx in
            let items = try ctx.elements(args, 0, "group_by")
            let key = try ctx.function(args, 1, "group_by")
            var groups: OrderedDictionary<String, [Value]> = [:]
            for item in items {
                groups[try ctx.interpreter.displayString(try ctx.call(key, [item])), default: []].append(item)
            }
            return .map(MapBox(groups.mapValues { .list(ListBox($0)) }))
        },
        Builtin("remove", arity: 2,
                doc: "remove(m, key) or remove(xs, i): takes the key out of the map (the element out of the list) in place; returns what was there, or null.") { args, ctx in
            switch args[0] {
            case .map(let box):
                return box.entries.removeValue(forKey: try ctx.string(args, 1, "remove")) ?? .null
            case .list(let box):
                let i = try ctx.integer(args, 1, "remove")
                let resolved = i < 0 ? i + box.items.count : i
                guard resolved >= 0 && resolved < box.items.count else { return .null }
                return box.items.remove(at: resolved)
            default:
                throw ctx.typeError("remove", 1, expected: "map or list", got: args[0])
            }
        },
    ]
}

/// The values `unique` has met. Strings, numbers, bools and null are found by hashing
/// (numbers by value, so 1 and 1.0 are one); lists and maps by `==` against those kept.
struct SeenValues {
    private var scalars: Set<ScalarKey> = []
    private var containers: [Value] = []

    private enum ScalarKey: Hashable {
        case null, bool(Bool), int(Int), number(Double), string(String)
    }

    /// Records `value`; false when an equal one was recorded before.
    mutating func insert(_ value: Value) -> Bool {
        switch value {
        case .null: return scalars.insert(.null).inserted
        case .bool(let b): return scalars.insert(.bool(b)).inserted
        case .int(let i): return scalars.insert(.int(i)).inserted
        case .double(let d):
            // An integral double is the int it equals (1.0 == 1), exactly.
            if d.rounded() == d, Swift.abs(d) < 9.2e18 { return scalars.insert(.int(Int(d))).inserted }
            return scalars.insert(.number(d)).inserted
        case .string(let s): return scalars.insert(.string(s)).inserted
        default:
            if containers.contains(where: { Value.equal($0, value) }) { return false }
            containers.append(value)
            return true
        }
    }
}
