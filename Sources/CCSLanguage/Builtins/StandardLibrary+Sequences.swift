/// Sequence functions take the collection first (`map(xs, f)`), so they read the same in a
/// pipeline (`xs | map(f)`). On a lazy sequence they return a lazy sequence; on a list, a list.
extension StandardLibrary {
    /// A lazy sequence built by `make` on each walk; `once` for those that call a script
    /// function per element (see `SequenceBox`).
    static func lazy(_ name: String, once: Bool = false, _ make: @escaping () throws -> ValueIterator) -> Value {
        .sequence(SequenceBox(name: name, once: once) {
            do {
                return try make()
            } catch {
                return FailingIterator(error)
            }
        })
    }

    static let sequenceBuiltins: [Builtin] = [
        Builtin("range", minArity: 1, maxArity: 3,
                doc: "range(n) | range(start, end, step?): a lazy sequence of integers from start (0) up to end, excluded.") { args, ctx in
            var start = 0, end = 0, step = 1
            if args.count == 1 {
                end = try ctx.integer(args, 0, "range")
            } else {
                start = try ctx.integer(args, 0, "range")
                end = try ctx.integer(args, 1, "range")
                if args.count == 3 { step = try ctx.integer(args, 2, "range") }
            }
            if step == 0 { throw ScriptError(code: ErrorCode.valueError, message: "range: step must not be zero") }
            return .sequence(SequenceBox(name: "range") { RangeIterator(from: start, to: end, step: step) })
        },
        Builtin("map", arity: 2, doc: "map(xs, f): f applied to each element (lazy on a sequence).") { args, ctx in
            let f = try ctx.function(args, 1, "map")
            if ctx.isLazy(args[0]) {
                return lazy("map", once: true) { MapIterator(try ctx.iterator(args, 0, "map"), f, ctx) }
            }
            return .list(ListBox(try ctx.elements(args, 0, "map").map { try ctx.call(f, [$0]) }))
        },
        Builtin("filter", arity: 2, doc: "filter(xs, f): the elements for which f is true (lazy on a sequence).") { args, ctx in
            let f = try ctx.function(args, 1, "filter")
            if ctx.isLazy(args[0]) {
                return lazy("filter", once: true) { FilterIterator(try ctx.iterator(args, 0, "filter"), f, ctx) }
            }
            return .list(ListBox(try ctx.elements(args, 0, "filter").filter { try ctx.call(f, [$0]).isTruthy }))
        },
        Builtin("take", arity: 2, doc: "take(xs, n): the first n elements (lazy on a sequence: pulls no more than n).") { args, ctx in
            let n = Swift.max(0, try ctx.integer(args, 1, "take"))
            if ctx.isLazy(args[0]) {
                return lazy("take") { TakeIterator(try ctx.iterator(args, 0, "take"), n) }
            }
            let items = try ctx.elements(args, 0, "take")
            return .list(ListBox(Array(items.prefix(n))))
        },
        Builtin("drop", arity: 2, doc: "drop(xs, n): all but the first n elements (lazy on a sequence).") { args, ctx in
            let n = Swift.max(0, try ctx.integer(args, 1, "drop"))
            if ctx.isLazy(args[0]) {
                return lazy("drop") { DropIterator(try ctx.iterator(args, 0, "drop"), n) }
            }
            return .list(ListBox(Array(try ctx.elements(args, 0, "drop").dropFirst(n))))
        },
        Builtin("enumerate", arity: 1, doc: "enumerate(xs): [index, element] pairs (lazy on a sequence).") { args, ctx in
            if ctx.isLazy(args[0]) {
                return lazy("enumerate") { EnumerateIterator(try ctx.iterator(args, 0, "enumerate")) }
            }
            return .list(ListBox(try ctx.elements(args, 0, "enumerate").enumerated().map { .list(ListBox([.int($0.offset), $0.element])) }))
        },
        Builtin("zip", minArity: 2, maxArity: nil, doc: "zip(a, b, ...): lists of one element of each, as long as the shortest (lazy if any is).") { args, ctx in
            if args.contains(where: { ctx.isLazy($0) }) {
                return lazy("zip") { ZipIterator(try (0..<args.count).map { try ctx.iterator(args, $0, "zip") }) }
            }
            let iterator = ZipIterator(try (0..<args.count).map { try ctx.iterator(args, $0, "zip") })
            var tuples: [Value] = []
            while let tuple = try iterator.next() { tuples.append(tuple) }
            return .list(ListBox(tuples))
        },
        Builtin("collect", arity: 1,
                doc: "collect(xs): a new list of the elements; walks a lazy sequence to its end, so it can be indexed and walked again.") { args, ctx in
            .list(ListBox(try ctx.elements(args, 0, "collect")))
        },
        Builtin("push", minArity: 2, maxArity: nil, doc: "push(list, x, ...): appends the values to the list in place; returns the list.") { args, ctx in
            let box = try ctx.list(args, 0, "push")
            if args.count == 2 {
                box.items.append(args[1])  // the common case, without a slice
            } else {
                box.items.append(contentsOf: args.dropFirst())
            }
            return args[0]
        },
        Builtin("pop", arity: 1, doc: "pop(list): removes and returns the last element (null when empty).") { args, ctx in
            try ctx.list(args, 0, "pop").items.popLast() ?? .null
        },
    ]
}

/// Reports an error that happened while starting a lazy sequence, at its first `next()`.
final class FailingIterator: ValueIterator {
    let error: Error
    init(_ error: Error) { self.error = error }
    func next() throws -> Value? { throw error }
}
