import OrderedCollections

extension StandardLibrary {
    static var parallelBuiltins: [Builtin] {
        [
            Builtin(
                "parallel", minArity: 2, maxArity: 3,
                doc: """
                    parallel(items, fn [, {concurrency}]) -> list of results, in input order
                    Runs fn(item) with up to concurrency (default 16) at once; blocking Cloud Control calls and sleeps overlap. A failed item's result is an error value naming it.
                    """
            ) { args, ctx in
                let items = try ctx.elements(args, 0, "parallel")
                let fn = try ctx.function(args, 1, "parallel")
                let concurrency = try parallelConcurrency(args, 2, "parallel", ctx)
                let outcomes = try ParallelRun.run(count: items.count, concurrency: concurrency, context: ctx) {
                    worker, index in try worker.call(fn, [items[index]])
                }
                return .list(ListBox(try failuresAsValues(outcomes, items: items, "parallel", ctx)))
            }
        ]
    }

    /// The `concurrency` of an options map at `index` (default 16, 1 to 256); other keys are
    /// errors naming them.
    public static func parallelConcurrency(_ args: [Value], _ index: Int, _ function: String, _ ctx: CallContext)
        throws -> Int
    {
        guard args.count > index, !args[index].isNull else { return ParallelRun.defaultConcurrency }
        let options = try ctx.map(args, index, function)
        for key in options.entries.keys where key != "concurrency" {
            throw ScriptError(code: ErrorCode.valueError, message: "\(function): unknown option '\(key)' (expected concurrency)")
        }
        guard let value = options.entries["concurrency"] else { return ParallelRun.defaultConcurrency }
        guard case .int(let n) = value, (1...ParallelRun.maxConcurrency).contains(n) else {
            throw ScriptError(
                code: ErrorCode.valueError,
                message: "\(function): concurrency must be an integer from 1 to \(ParallelRun.maxConcurrency), got \(try ctx.interpreter.displayString(value))")
        }
        return n
    }

    /// The results with each failure turned into an error value whose message names the item
    /// (`parallel: item #3 ("b"): ...`) and whose `e.index` and `e.item` say which.
    public static func failuresAsValues(
        _ outcomes: [Result<Value, ScriptError>], items: [Value], _ function: String, _ ctx: CallContext
    ) throws -> [Value] {
        try outcomes.enumerated().map { index, outcome in
            switch outcome {
            case .success(let value): return value
            case .failure(var error):
                var shown = (try? ctx.interpreter.displayString(items[index])) ?? items[index].typeName
                if shown.count > 60 { shown = String(shown.prefix(57)) + "..." }
                // A host built-in's own message already starts with its name (`get_all: ...`).
                let inner = error.message.hasPrefix(function + ": ") ? String(error.message.dropFirst(function.count + 2)) : error.message
                error.message = "\(function): item #\(index) (\(shown)): \(inner)"
                if error.value == nil {
                    error.value = .map(MapBox(["index": .int(index), "item": items[index]]))
                }
                return .object(ErrorValue(error))
            }
        }
    }
}
