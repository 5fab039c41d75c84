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
        Builtin("sort", minArity: 1, maxArity: 2, doc: "sort(xs, key?): a new list in ascending order (of key(x) when given); stable.") { args, ctx in
            let items = try ctx.elements(args, 0, "sort")
            let keys = args.count > 1 ? try items.map { try ctx.call(try ctx.function(args, 1, "sort"), [$0]) } : items
            var failure: ScriptError?
            let order = items.indices.sorted { a, b in
                guard let c = Value.compare(keys[a], keys[b]) else {
                    failure = failure ?? ScriptError(code: ErrorCode.typeError,
                                                     message: "sort: cannot compare \(keys[a].typeName) with \(keys[b].typeName)")
                    return a < b
                }
                return c < 0 || (c == 0 && a < b)
            }
            if let failure { throw failure }
            return .list(ListBox(order.map { items[$0] }))
        },
        Builtin("sum", arity: 1, doc: "sum(xs): the sum of the numbers.") { args, ctx in
            let iterator = try ctx.iterator(args, 0, "sum")
            var total = Value.int(0)
            while let item = try iterator.next() {
                guard item.asDouble != nil else { throw ctx.typeError("sum", 1, expected: "list of numbers", got: item) }
                total = try ctx.interpreter.add(total, item, at: ctx.location)
            }
            return total
        },
        Builtin("min", minArity: 1, maxArity: nil, doc: "min(xs) or min(a, b, ...): the smallest element.") { args, ctx in
            try extreme(args, ctx, "min") { $0 < 0 }
        },
        Builtin("max", minArity: 1, maxArity: nil, doc: "max(xs) or max(a, b, ...): the largest element.") { args, ctx in
            try extreme(args, ctx, "max") { $0 > 0 }
        },
    ]

    static func extreme(_ args: [Value], _ ctx: CallContext, _ name: String, _ better: (Int) -> Bool) throws -> Value {
        let items = args.count == 1 ? try ctx.elements(args, 0, name) : args
        guard var best = items.first else {
            throw ScriptError(code: ErrorCode.valueError, message: "\(name) of an empty collection")
        }
        for item in items.dropFirst() {
            guard let c = Value.compare(item, best) else {
                throw ScriptError(code: ErrorCode.typeError, message: "\(name): cannot compare \(item.typeName) with \(best.typeName)")
            }
            if better(c) { best = item }
        }
        return best
    }
}
