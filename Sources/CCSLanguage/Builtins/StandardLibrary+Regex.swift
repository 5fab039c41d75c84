import Foundation

/// Regular expressions (ICU syntax, as `matches`): find with capture groups, replace with
/// `$1` templates or a function, split. Positions count characters, as string indexes do.
extension StandardLibrary {
    static let regexBuiltins: [Builtin] = [
        Builtin("regex_find", arity: 2,
                doc: "regex_find(s, regex): the first match as {match, groups, start}, or null; groups holds each capture group's text (null when it took no part).") { args, ctx in
            let text = try ctx.string(args, 0, "regex_find")
            let regex = try compileRegex(try ctx.string(args, 1, "regex_find"), "regex_find")
            guard let found = regex.firstMatch(in: text, range: NSRange(text.startIndex..<text.endIndex, in: text)) else {
                return .null
            }
            return matchValue(found, in: text)
        },
        Builtin("regex_find_all", arity: 2,
                doc: "regex_find_all(s, regex): every non-overlapping match, as regex_find gives them.") { args, ctx in
            let text = try ctx.string(args, 0, "regex_find_all")
            let regex = try compileRegex(try ctx.string(args, 1, "regex_find_all"), "regex_find_all")
            let matches = regex.matches(in: text, range: NSRange(text.startIndex..<text.endIndex, in: text))
            return .list(ListBox(matches.map { matchValue($0, in: text) }))
        },
        Builtin("regex_replace", arity: 3,
                doc: "regex_replace(s, regex, with): s with every match replaced: with is a template ($0 the match, $1... the groups, \\\\$ a dollar) or a function of the match map.") { args, ctx in
            let text = try ctx.string(args, 0, "regex_replace")
            let regex = try compileRegex(try ctx.string(args, 1, "regex_replace"), "regex_replace")
            let whole = NSRange(text.startIndex..<text.endIndex, in: text)
            if case .string(let template) = args[2] {
                return .string(regex.stringByReplacingMatches(in: text, range: whole, withTemplate: template))
            }
            let replacer = try ctx.function(args, 2, "regex_replace")
            var result = ""
            var last = text.startIndex
            for found in regex.matches(in: text, range: whole) {
                guard let range = Range(found.range, in: text) else { continue }
                result += text[last..<range.lowerBound]
                result += try ctx.interpreter.displayString(try ctx.call(replacer, [matchValue(found, in: text)]))
                last = range.upperBound
            }
            return .string(result + text[last...])
        },
        Builtin("regex_split", arity: 2, doc: "regex_split(s, regex): the pieces of s between the matches.") { args, ctx in
            let text = try ctx.string(args, 0, "regex_split")
            let regex = try compileRegex(try ctx.string(args, 1, "regex_split"), "regex_split")
            var pieces: [Value] = []
            var last = text.startIndex
            for found in regex.matches(in: text, range: NSRange(text.startIndex..<text.endIndex, in: text)) {
                guard let range = Range(found.range, in: text), !range.isEmpty else { continue }
                pieces.append(.string(String(text[last..<range.lowerBound])))
                last = range.upperBound
            }
            pieces.append(.string(String(text[last...])))
            return .list(ListBox(pieces))
        },
    ]

    static func compileRegex(_ pattern: String, _ function: String) throws -> NSRegularExpression {
        do {
            return try NSRegularExpression(pattern: pattern)
        } catch {
            throw ScriptError(code: ErrorCode.valueError, message: "\(function): invalid regular expression '\(pattern)'")
        }
    }

    /// `{match, groups, start}` for one match; `start` counts characters from 0.
    static func matchValue(_ found: NSTextCheckingResult, in text: String) -> Value {
        func substring(_ range: NSRange) -> Value {
            guard range.location != NSNotFound, let r = Range(range, in: text) else { return .null }
            return .string(String(text[r]))
        }
        let groups = (1..<Swift.max(1, found.numberOfRanges)).map { substring(found.range(at: $0)) }
        let start = Range(found.range, in: text).map { text.distance(from: text.startIndex, to: $0.lowerBound) } ?? 0
        return .map(MapBox(["match": substring(found.range), "groups": .list(ListBox(groups)), "start": .int(start)]))
    }
}
