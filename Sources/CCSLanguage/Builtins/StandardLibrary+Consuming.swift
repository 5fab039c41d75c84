/// Functions that consume a collection (forcing a lazy sequence, but only as far as needed:
/// `first`, `any` and `all` stop early).
extension StandardLibrary {
    static let consumingBuiltins: [Builtin] = [
        Builtin("first", minArity: 1, maxArity: 2, doc: "first(xs, f?): the first element (for which f is true), or null.") { args, ctx in
            let iterator = try ctx.iterator(args, 0, "first")
            let predicate = args.count > 1 ? try ctx.function(args, 1, "first") : nil
            while let item = try iterator.next() {
                if let predicate, !(try ctx.call(predicate, [item]).isTruthy) { continue }
                return item
            }
            return .null
        },
        Builtin("count", minArity: 1, maxArity: 2, doc: "count(xs, f?): the number of elements (for which f is true).") { args, ctx in
            let iterator = try ctx.iterator(args, 0, "count")
            let predicate = args.count > 1 ? try ctx.function(args, 1, "count") : nil
            var n = 0
            while let item = try iterator.next() {
                if let predicate, !(try ctx.call(predicate, [item]).isTruthy) { continue }
                n += 1
            }
            return .int(n)
        },
        Builtin("any", minArity: 1, maxArity: 2, doc: "any(xs, f?): whether some element is true (or makes f true).") { args, ctx in
            let iterator = try ctx.iterator(args, 0, "any")
            let predicate = args.count > 1 ? try ctx.function(args, 1, "any") : nil
            while let item = try iterator.next() {
                if (try predicate.map({ try ctx.call($0, [item]) }) ?? item).isTruthy { return .bool(true) }
            }
            return .bool(false)
        },
        Builtin("all", minArity: 1, maxArity: 2, doc: "all(xs, f?): whether every element is true (or makes f true).") { args, ctx in
            let iterator = try ctx.iterator(args, 0, "all")
            let predicate = args.count > 1 ? try ctx.function(args, 1, "all") : nil
            while let item = try iterator.next() {
                if !(try predicate.map({ try ctx.call($0, [item]) }) ?? item).isTruthy { return .bool(false) }
            }
            return .bool(true)
        },
        Builtin("reduce", arity: 3, doc: "reduce(xs, f, init): folds the elements: f(f(init, x0), x1)...") { args, ctx in
            let f = try ctx.function(args, 1, "reduce")
            let iterator = try ctx.iterator(args, 0, "reduce")
            var accumulator = args[2]
            while let item = try iterator.next() { accumulator = try ctx.call(f, [accumulator, item]) }
            return accumulator
        },
        Builtin("sort", minArity: 1, maxArity: 3,
                doc: "sort(xs, key?, {desc: true}?): a new list in ascending (descending) order of the elements or of key(x); lists compare element by element, so a key may return [a, b]; stable.") { args, ctx in
            let items = try ctx.elements(args, 0, "sort")
            var key: Value?
            var optionsIndex = 1
            if args.count > 1, case .function = args[1] {
                key = args[1]
                optionsIndex = 2
            } else if args.count > 2 {
                if !args[1].isNull { key = try ctx.function(args, 1, "sort") }
                optionsIndex = 2
            }
            let descending = try CallOptions(args, optionsIndex, function: "sort", allowed: ["desc"]).flag("desc")
            let keys = try key.map { key in try items.map { try ctx.call(key, [$0]) } } ?? items
            var failure: ScriptError?
            let order = items.indices.sorted { a, b in
                guard let c = Value.compare(keys[a], keys[b]) else {
                    failure = failure ?? ScriptError(code: ErrorCode.typeError,
                                                     message: "sort: cannot compare \(keys[a].typeName) with \(keys[b].typeName)")
                    return a < b
                }
                // Equal keys keep their order in both directions (stable).
                return (descending ? c > 0 : c < 0) || (c == 0 && a < b)
            }
            if let failure { throw failure }
            return .list(ListBox(order.map { items[$0] }))
        },
        Builtin("sum", minArity: 1, maxArity: 2, doc: "sum(xs, key?): the sum of the numbers (or of key(x)).") { args, ctx in
            let iterator = try ctx.iterator(args, 0, "sum")
            let key = args.count > 1 ? try ctx.function(args, 1, "sum") : nil
            var total = Value.int(0)
            while let element = try iterator.next() {
                let item = try key.map { try ctx.call($0, [element]) } ?? element
                guard item.asDouble != nil else { throw ctx.typeError("sum", 1, expected: "list of numbers", got: item) }
                total = try ctx.interpreter.add(total, item, at: ctx.location)
            }
            return total
        },
        Builtin("min", minArity: 1, maxArity: nil,
                doc: "min(xs), min(xs, key) or min(a, b, ...): the smallest element (by key(x) when given).") { args, ctx in
            try extreme(args, ctx, "min") { $0 < 0 }
        },
        Builtin("max", minArity: 1, maxArity: nil,
                doc: "max(xs), max(xs, key) or max(a, b, ...): the largest element (by key(x) when given).") { args, ctx in
            try extreme(args, ctx, "max") { $0 > 0 }
        },
    ]

    /// `min`/`max`: of one collection, of one collection by a key function (a function as
    /// the second of two arguments), or of the arguments themselves.
    static func extreme(_ args: [Value], _ ctx: CallContext, _ name: String, _ better: (Int) -> Bool) throws -> Value {
        var key: Value?
        if args.count == 2, case .function = args[1] { key = args[1] }
        let items = args.count == 1 || key != nil ? try ctx.elements(args, 0, name) : args
        guard var best = items.first else {
            throw ScriptError(code: ErrorCode.valueError, message: "\(name) of an empty collection")
        }
        var bestKey = try key.map { try ctx.call($0, [best]) } ?? best
        for item in items.dropFirst() {
            let itemKey = try key.map { try ctx.call($0, [item]) } ?? item
            guard let c = Value.compare(itemKey, bestKey) else {
                throw ScriptError(code: ErrorCode.typeError, message: "\(name): cannot compare \(itemKey.typeName) with \(bestKey.typeName)")
            }
            if better(c) {
                best = item
                bestKey = itemKey
            }
        }
        return best
    }
}
