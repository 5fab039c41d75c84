import Foundation

extension StandardLibrary {
    static let stringBuiltins: [Builtin] = [
        Builtin("join", minArity: 1, maxArity: 2, doc: "join(xs, sep?): the elements as strings, separated by sep (default \"\").") { args, ctx in
            let separator = args.count > 1 ? try ctx.string(args, 1, "join") : ""
            return .string(try ctx.elements(args, 0, "join").map { try ctx.interpreter.displayString($0) }
                .joined(separator: separator))
        },
        Builtin("split", minArity: 1, maxArity: 3,
                doc: "split(s, sep?, limit?): the pieces of s between each sep (at most limit pieces, the last holding the rest); without sep, the words.") { args, ctx in
            let s = try ctx.string(args, 0, "split")
            guard args.count > 1, !args[1].isNull else {
                return .list(ListBox(s.split(whereSeparator: { $0.isWhitespace }).map { .string(String($0)) }))
            }
            let separator = try ctx.string(args, 1, "split")
            var limit = Int.max
            if args.count > 2 {
                limit = try ctx.integer(args, 2, "split")
                guard limit > 0 else {
                    throw ScriptError(code: ErrorCode.valueError, message: "split: limit must be at least 1, got \(limit)")
                }
            }
            if separator.isEmpty {
                let characters = s.map { String($0) }
                guard characters.count > limit else { return .list(ListBox(characters.map { .string($0) })) }
                let head = characters.prefix(limit - 1).map { Value.string($0) }
                return .list(ListBox(head + [.string(characters.dropFirst(limit - 1).joined())]))
            }
            var pieces: [Value] = []
            var rest = s[...]
            while pieces.count < limit - 1, let found = rest.range(of: separator) {
                pieces.append(.string(String(rest[..<found.lowerBound])))
                rest = rest[found.upperBound...]
            }
            pieces.append(.string(String(rest)))
            return .list(ListBox(pieces))
        },
        Builtin("starts_with", arity: 2, doc: "starts_with(s, prefix): whether s begins with prefix.") { args, ctx in
            .bool(try ctx.string(args, 0, "starts_with").hasPrefix(try ctx.string(args, 1, "starts_with")))
        },
        Builtin("ends_with", arity: 2, doc: "ends_with(s, suffix): whether s ends with suffix.") { args, ctx in
            .bool(try ctx.string(args, 0, "ends_with").hasSuffix(try ctx.string(args, 1, "ends_with")))
        },
        Builtin("contains", arity: 2, doc: "contains(x, y): y is a substring of string x, an element of list x, or a key of map x.") { args, ctx in
            .bool(try ctx.interpreter.contains(args[0], args[1], at: ctx.location))
        },
        Builtin("lower", arity: 1, doc: "lower(s): s in lower case.") { args, ctx in
            .string(try ctx.string(args, 0, "lower").lowercased())
        },
        Builtin("upper", arity: 1, doc: "upper(s): s in upper case.") { args, ctx in
            .string(try ctx.string(args, 0, "upper").uppercased())
        },
        Builtin("trim", arity: 1, doc: "trim(s): s without leading and trailing white space.") { args, ctx in
            .string(try ctx.string(args, 0, "trim").trimmingCharacters(in: .whitespacesAndNewlines))
        },
        Builtin("replace", arity: 3, doc: "replace(s, old, new): s with every occurrence of old replaced by new.") { args, ctx in
            let old = try ctx.string(args, 1, "replace")
            if old.isEmpty { throw ScriptError(code: ErrorCode.valueError, message: "replace: the string to replace is empty") }
            return .string(try ctx.string(args, 0, "replace").replacingOccurrences(of: old, with: try ctx.string(args, 2, "replace")))
        },
        Builtin("matches", arity: 2, doc: "matches(s, regex): whether the regular expression matches somewhere in s.") { args, ctx in
            let text = try ctx.string(args, 0, "matches")
            let pattern = try ctx.string(args, 1, "matches")
            let regex: NSRegularExpression
            do {
                regex = try NSRegularExpression(pattern: pattern)
            } catch {
                throw ScriptError(code: ErrorCode.valueError, message: "matches: invalid regular expression '\(pattern)'")
            }
            let range = NSRange(text.startIndex..<text.endIndex, in: text)
            return .bool(regex.firstMatch(in: text, range: range) != nil)
        },
    ]
}
