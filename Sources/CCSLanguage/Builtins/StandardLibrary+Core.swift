import OrderedCollections

extension StandardLibrary {
    static let coreBuiltins: [Builtin] = [
        Builtin("print", minArity: 0, maxArity: nil,
                doc: "print(a, b, ...): writes the values on one line, separated by spaces; strings raw, others as compact JSON.") { args, ctx in
            var line = ""
            for (i, value) in args.enumerated() {
                if i > 0 { line += " " }
                line += try ctx.interpreter.displayString(value)
            }
            ctx.host.output.write(line + "\n")
            return .null
        },
        Builtin("eprint", minArity: 0, maxArity: nil,
                doc: "eprint(a, b, ...): as print, but to stderr (for errors and diagnostics; stdout stays clean for data).") { args, ctx in
            var line = ""
            for (i, value) in args.enumerated() {
                if i > 0 { line += " " }
                line += try ctx.interpreter.displayString(value)
            }
            // What was printed before stays before on a terminal showing both streams.
            ctx.host.output.flush()
            ctx.host.errorOutput.write(line + "\n")
            ctx.host.errorOutput.flush()
            return .null
        },
        Builtin("len", arity: 1, doc: "len(x): the number of characters of a string, elements of a list, entries of a map.") { args, ctx in
            switch args[0] {
            case .string(let s): return .int(s.count)
            case .list(let box): return .int(box.items.count)
            case .map(let box): return .int(box.entries.count)
            case .object: return .int(try ctx.map(args, 0, "len").entries.count)
            case .sequence:
                throw ScriptError(code: ErrorCode.typeError,
                                  message: "len of a lazy sequence is unknown: count(seq) counts it, collect(seq) makes it a list")
            default: throw ctx.typeError("len", 1, expected: "string, list or map", got: args[0])
            }
        },
        Builtin("keys", arity: 1, doc: "keys(m): the keys of a map, in insertion order.") { args, ctx in
            .list(ListBox(try ctx.map(args, 0, "keys").entries.keys.map { .string($0) }))
        },
        Builtin("values", arity: 1, doc: "values(m): the values of a map, in insertion order.") { args, ctx in
            .list(ListBox(Array(try ctx.map(args, 0, "values").entries.values)))
        },
        Builtin("type", arity: 1,
                doc: "type(x): \"null\", \"bool\", \"int\", \"float\", \"string\", \"list\", \"map\", \"function\", \"sequence\", \"error\" or a host type.") { args, _ in
            .string(args[0].typeName)
        },
        Builtin("assert", minArity: 1, maxArity: 2,
                doc: "assert(cond, message?): raises AssertionError unless cond is true.") { args, ctx in
            if args[0].isTruthy { return .null }
            let message = args.count > 1 ? try ctx.interpreter.displayString(args[1]) : "assertion failed"
            throw ScriptError(code: ErrorCode.assertionError, message: message)
        },
        Builtin("format", minArity: 1, maxArity: nil,
                doc: "format(template, ...): replaces each {} (or {N}) by the next (or Nth) argument, shaped by an optional spec after ':' ({:>8} {:<5} {:^7} {:08.3f} {:x} {:,} {:.2%}); {{ and }} are braces.") { args, ctx in
            .string(try format(try ctx.string(args, 0, "format"), Array(args.dropFirst()), ctx))
        },
        Builtin("query", arity: 2, doc: "query(x, path): the list of nodes an RFC 9535 JSONPath selects in x.") { args, ctx in
            .list(ListBox(try ctx.interpreter.query(args[0], try ctx.string(args, 1, "query"))))
        },
        Builtin("query1", arity: 2, doc: "query1(x, path): the first node the JSONPath selects in x, or null.") { args, ctx in
            try ctx.interpreter.query(args[0], try ctx.string(args, 1, "query1")).first ?? .null
        },
    ]
}
