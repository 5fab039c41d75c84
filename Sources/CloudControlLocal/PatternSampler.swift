/// Produces strings that match an ECMA-262 `pattern` of a registry schema, for read-only values
/// no convention covers (ids like `^link-[a-z0-9-]{1,25}$`, versions like `^[0-9]+$`).
///
/// The pattern is parsed into a small tree (alternation, concatenation, groups, classes,
/// quantifiers) and walked with choices from a `SeededRandom`: classes prefer lower-case letters
/// and digits so that samples look like the ids services hand out, open quantifiers (`*`, `+`,
/// `{n,}`) produce a few repetitions, optional parts are left out on the first attempt. The
/// caller checks every sample with the validator's own regex engine, so a construct the sampler
/// only approximates (lookaround, backreferences, Unicode properties) costs a retry, never a
/// wrong value.
struct PatternSampler {
    indirect enum Node {
        case sequence([Node])
        case choice([Node])
        case repeated(Node, min: Int, max: Int?)
        case characters(CharacterSet)
        case literal(Character)
        /// Assertions and constructs that produce no text (`^`, `$`, `\b`, lookaround).
        case empty
    }

    /// A set of characters as ranges of scalars, or its complement.
    struct CharacterSet {
        var ranges: [ClosedRange<UInt32>] = []
        var negated = false

        func contains(_ scalar: UInt32) -> Bool {
            ranges.contains { $0.contains(scalar) } != negated
        }
    }

    /// How a sample is drawn: `preferred` reads like a real id, `shortest` takes every minimum
    /// (for tight maxLength limits), `stretched(n)` repeats each open single-character part `n`
    /// times (for a minLength, or an exact length such as a 12-digit account id), `varied`
    /// picks alternatives and counts at random.
    enum Style: Equatable { case preferred, shortest, stretched(Int), varied }

    let root: Node

    /// Nil when the pattern uses syntax the sampler does not read (it then leaves the value to
    /// the conventions).
    init?(_ pattern: String) {
        var parser = Parser(chars: Array(pattern))
        guard let node = parser.parseChoice(), parser.index == parser.chars.count else { return nil }
        root = node
    }

    func sample(_ style: Style, random: inout SeededRandom) -> String {
        var out = ""
        emit(root, style, &random, into: &out)
        return out
    }

    /// Characters tried first, in order: what ids, names and versions are made of.
    private static let preferred: [UInt32] = Array(
        "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ-_.:/".unicodeScalars.map(\.value))

    private func emit(_ node: Node, _ style: Style, _ random: inout SeededRandom, into out: inout String) {
        switch node {
        case .empty: return
        case .literal(let c): out.append(c)
        case .sequence(let parts):
            for part in parts { emit(part, style, &random, into: &out) }
        case .choice(let options):
            let pick = style == .varied ? random.int(below: options.count) : 0
            emit(options[pick], style, &random, into: &out)
        case .characters(let set):
            let candidates = Self.preferred.filter(set.contains)
            if !candidates.isEmpty {
                // Random among the preferred members, so `[a-f0-9]{17}` looks like hex.
                out.unicodeScalars.append(Unicode.Scalar(candidates[random.int(below: candidates.count)])!)
            } else if let scalar = (32...0x2FFF).lazy.map(UInt32.init).first(where: set.contains),
                let s = Unicode.Scalar(scalar)
            {
                out.unicodeScalars.append(s)
            }
        case .repeated(let inner, let min, let max):
            let count: Int
            switch style {
            case .shortest: count = min
            case .stretched(let n) where Self.isSingleCharacter(inner) && max != min:
                count = Swift.min(Swift.max(n, min), max ?? n)
            case .stretched:
                count = max == 1 ? min : Swift.min(Swift.max(min, 1), max ?? 1)
            case .preferred:
                // Optional parts are left out; open and wide repetitions give about 8 items
                // (a readable id), bounded by the pattern's own maximum.
                if max == 1 {
                    count = min
                } else {
                    let wanted = Swift.max(min, Self.isSingleCharacter(inner) ? 8 : 1)
                    count = Swift.min(wanted, max ?? wanted)
                }
            case .varied:
                let upper = Swift.min(max ?? (min + 8), min + 12)
                count = min + random.int(below: upper - min + 1)
            }
            for _ in 0..<count { emit(inner, style, &random, into: &out) }
        }
    }

    private static func isSingleCharacter(_ node: Node) -> Bool {
        switch node {
        case .characters, .literal: return true
        default: return false
        }
    }

    /// A recursive-descent reader of the ECMA-262 pattern grammar (§22.2.1), limited to what
    /// generation needs: Disjunction, Alternative, Term, Quantifier, Atom, CharacterClass.
    private struct Parser {
        let chars: [Character]
        var index = 0
        var depth = 0

        var atEnd: Bool { index >= chars.count }
        var current: Character? { atEnd ? nil : chars[index] }

        // Disjunction → Alternative ('|' Alternative)*
        mutating func parseChoice() -> Node? {
            depth += 1
            defer { depth -= 1 }
            guard depth < 64 else { return nil }
            var options: [Node] = []
            repeat {
                if current == "|" { index += 1 }
                guard let alternative = parseSequence() else { return nil }
                options.append(alternative)
            } while current == "|"
            return options.count == 1 ? options[0] : .choice(options)
        }

        // Alternative → Term*
        mutating func parseSequence() -> Node? {
            var parts: [Node] = []
            while let c = current, c != "|", c != ")" {
                guard let atom = parseAtom() else { return nil }
                parts.append(parseQuantifier(on: atom))
            }
            return .sequence(parts)
        }

        // Quantifier → ('*' | '+' | '?' | '{' n (',' m?)? '}') '?'?
        mutating func parseQuantifier(on atom: Node) -> Node {
            var bounds: (Int, Int?)?
            switch current {
            case "*": bounds = (0, nil)
            case "+": bounds = (1, nil)
            case "?": bounds = (0, 1)
            case "{":
                if let (min, max, length) = braceQuantifier(at: index) {
                    bounds = (min, max)
                    index += length - 1
                }
            default: break
            }
            guard let (min, max) = bounds else { return atom }
            index += 1
            if current == "?" { index += 1 }  // lazy: the same strings match
            return .repeated(atom, min: Swift.min(min, 1_000), max: max.map { Swift.min($0, 1_000) })
        }

        /// `{n}`, `{n,}` or `{n,m}` at `start`, with its length; nil when the brace is a literal.
        func braceQuantifier(at start: Int) -> (Int, Int?, Int)? {
            var i = start + 1
            func number() -> Int? {
                var digits = ""
                while i < chars.count, let d = chars[i].wholeNumberValue, chars[i].isASCII {
                    digits.append(String(d))
                    i += 1
                }
                return digits.isEmpty ? nil : Int(digits.prefix(6))
            }
            guard let min = number() else { return nil }
            var max: Int? = min
            if i < chars.count, chars[i] == "," {
                i += 1
                max = number()
            }
            guard i < chars.count, chars[i] == "}" else { return nil }
            return (min, max, i - start + 1)
        }

        // Atom → '.' | '\' AtomEscape | CharacterClass | '(' GroupSpecifier Disjunction ')' | char
        mutating func parseAtom() -> Node? {
            guard let c = current else { return nil }
            index += 1
            switch c {
            case "^", "$": return .empty
            case ".":
                return .characters(CharacterSet(ranges: [10...10, 13...13], negated: true))
            case "[": return parseClass()
            case "(":
                var producesText = true
                if current == "?" {
                    let next = index + 1 < chars.count ? chars[index + 1] : " "
                    if next == ":" {
                        index += 2
                    } else if next == "=" || next == "!" {
                        index += 2
                        producesText = false
                    } else if next == "<" {
                        let after = index + 2 < chars.count ? chars[index + 2] : " "
                        if after == "=" || after == "!" {
                            index += 3
                            producesText = false
                        } else if let close = chars[index...].firstIndex(of: ">") {
                            index = close + 1  // a named group
                        } else {
                            return nil
                        }
                    } else {
                        return nil
                    }
                }
                guard let inner = parseChoice(), current == ")" else { return nil }
                index += 1
                return producesText ? inner : .empty
            case "\\": return parseEscape(inClass: false).map { $0 }
            case "*", "+", "?", ")": return nil
            case "{":
                return braceQuantifier(at: index - 1) == nil ? .literal(c) : nil
            default: return .literal(c)
            }
        }

        /// The node for the escape after a backslash: a class (`\d`, `\w`, `\s`), an assertion
        /// (`\b`, a backreference: no text of its own here), or one literal character.
        mutating func parseEscape(inClass: Bool) -> Node? {
            guard let c = current else { return nil }
            index += 1
            switch c {
            case "d": return .characters(CharacterSet(ranges: [48...57]))
            case "D": return .characters(CharacterSet(ranges: [48...57], negated: true))
            case "w": return .characters(CharacterSet(ranges: Self.word))
            case "W": return .characters(CharacterSet(ranges: Self.word, negated: true))
            case "s": return .characters(CharacterSet(ranges: [32...32, 9...13]))
            case "S": return .characters(CharacterSet(ranges: [32...32, 9...13], negated: true))
            case "b" where !inClass, "B": return .empty
            case "b": return .literal("\u{8}")
            case "n": return .literal("\n")
            case "r": return .literal("\r")
            case "t": return .literal("\t")
            case "f": return .literal("\u{c}")
            case "v": return .literal("\u{b}")
            case "0": return .literal("\0")
            case "p", "P":
                // A Unicode property: letters are the common case (\p{L}); the check after
                // sampling catches the rest.
                if current == "{", let close = chars[index...].firstIndex(of: "}") { index = close + 1 }
                return .characters(CharacterSet(ranges: [97...122], negated: c == "P"))
            case "x": return hexEscape(digits: 2)
            case "u":
                if current == "{", let close = chars[index...].firstIndex(of: "}"),
                    let v = UInt32(String(chars[(index + 1)..<close]), radix: 16), let s = Unicode.Scalar(v)
                {
                    index = close + 1
                    return .literal(Character(s))
                }
                return hexEscape(digits: 4)
            case "1"..."9" where !inClass:
                while let d = current, d.isASCII, d.isNumber { index += 1 }
                return .empty
            default: return .literal(c)
            }
        }

        static let word: [ClosedRange<UInt32>] = [48...57, 65...90, 95...95, 97...122]

        mutating func hexEscape(digits: Int) -> Node? {
            guard index + digits <= chars.count,
                let v = UInt32(String(chars[index..<(index + digits)]), radix: 16)
            else { return .literal(digits == 2 ? "x" : "u") }
            index += digits
            // A lone surrogate half (ECMA patterns spell astral ranges as pairs) is no
            // character; the sampler falls back to other members of its class.
            guard let scalar = Unicode.Scalar(v) else { return .characters(CharacterSet()) }
            return .literal(Character(scalar))
        }

        // CharacterClass → '[' '^'? ClassRanges ']'
        mutating func parseClass() -> Node? {
            var set = CharacterSet()
            if current == "^" {
                set.negated = true
                index += 1
            }
            var pendingRanges: [ClosedRange<UInt32>] = []
            while let c = current, c != "]" {
                guard let low = classAtom(into: &pendingRanges) else { continue }
                if current == "-", index + 1 < chars.count, chars[index + 1] != "]" {
                    index += 1
                    var ignored: [ClosedRange<UInt32>] = []
                    if let high = classAtom(into: &ignored), low <= high {
                        pendingRanges.append(low...high)
                    } else {
                        pendingRanges.append(low...low)
                        pendingRanges += ignored
                    }
                } else {
                    pendingRanges.append(low...low)
                }
            }
            guard current == "]" else { return nil }
            index += 1
            set.ranges = pendingRanges
            return .characters(set)
        }

        /// One member of a class: a single scalar (returned), or a class escape such as `\d`
        /// (added to `ranges`, returning nil).
        mutating func classAtom(into ranges: inout [ClosedRange<UInt32>]) -> UInt32? {
            guard let c = current else { return nil }
            index += 1
            guard c == "\\" else { return c.unicodeScalars.first?.value }
            switch parseEscape(inClass: true) {
            case .literal(let l): return l.unicodeScalars.first?.value
            case .characters(let set) where !set.negated:
                ranges += set.ranges
                return nil
            case .characters:
                // A negated escape inside a class (`[\S]`): printable ASCII stands in for it.
                ranges.append(33...126)
                return nil
            default: return nil
            }
        }
    }
}
