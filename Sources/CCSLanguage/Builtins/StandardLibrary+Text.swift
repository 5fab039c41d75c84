/// Padding, repetition and searching in strings. Widths and positions count characters.
extension StandardLibrary {
    static let textBuiltins: [Builtin] = [
        Builtin("pad_left", minArity: 2, maxArity: 3,
                doc: "pad_left(s, width, fill?): s right-aligned in width characters, filled on the left with fill (a space).") { args, ctx in
            let (text, padding) = try pad(args, ctx, "pad_left")
            return .string(padding + text)
        },
        Builtin("pad_right", minArity: 2, maxArity: 3,
                doc: "pad_right(s, width, fill?): s left-aligned in width characters, filled on the right with fill (a space).") { args, ctx in
            let (text, padding) = try pad(args, ctx, "pad_right")
            return .string(text + padding)
        },
        Builtin("repeat", arity: 2, doc: "repeat(x, n): a string or list repeated n times.") { args, ctx in
            let n = try ctx.integer(args, 1, "repeat")
            guard n >= 0 else { throw ScriptError(code: ErrorCode.valueError, message: "repeat: count must not be negative, got \(n)") }
            switch args[0] {
            case .string(let s):
                guard s.utf8.count.multipliedReportingOverflow(by: n).partialValue <= maxBuiltLength else { throw tooLong("repeat") }
                return .string(String(repeating: s, count: n))
            case .list(let box):
                guard box.items.count.multipliedReportingOverflow(by: n).partialValue <= maxBuiltLength else { throw tooLong("repeat") }
                return .list(ListBox(Array([[Value]](repeating: box.items, count: n).joined())))
            default: throw ctx.typeError("repeat", 1, expected: "string or list", got: args[0])
            }
        },
        Builtin("index_of", arity: 2,
                doc: "index_of(x, y): where y first occurs in x (a substring of a string, an element of a list), from 0; -1 when it does not.") { args, ctx in
            switch args[0] {
            case .string(let s):
                let needle = try ctx.string(args, 1, "index_of")
                if needle.isEmpty { return .int(0) }
                guard let found = s.range(of: needle) else { return .int(-1) }
                return .int(s.distance(from: s.startIndex, to: found.lowerBound))
            case .list(let box):
                return .int(box.items.firstIndex { Value.equal($0, args[1]) } ?? -1)
            default: throw ctx.typeError("index_of", 1, expected: "string or list", got: args[0])
            }
        },
    ]

    /// The longest string or list `repeat` and `pad_*` build (16 Mi elements or bytes, a
    /// quarter of a gigabyte of list at most): a typo in a count must be an error, not an
    /// allocation that takes the machine down.
    static let maxBuiltLength = 1 << 24

    static func tooLong(_ function: String) -> ScriptError {
        ScriptError(code: ErrorCode.valueError, message: "\(function): the result would be longer than \(maxBuiltLength)")
    }

    static func pad(_ args: [Value], _ ctx: CallContext, _ function: String) throws -> (String, String) {
        let text = try ctx.string(args, 0, function)
        let width = try ctx.integer(args, 1, function)
        let fill = args.count > 2 ? try ctx.string(args, 2, function) : " "
        guard fill.count == 1 else {
            throw ScriptError(code: ErrorCode.valueError, message: "\(function): fill must be one character, got '\(fill)'")
        }
        guard width <= maxBuiltLength else { throw tooLong(function) }
        return (text, String(repeating: fill, count: Swift.max(0, width - text.count)))
    }
}
