/// The syntax tree of an I-Regexp.
indirect enum IRegexpNode {
    case empty
    case scalar(Unicode.Scalar)
    case set(ScalarSet)
    case any
    /// `^` and `$` outside a class: the compliance suite (cases "functions, match, explicit
    /// caret/dollar") reads them as anchors at the start and end of the text, as the
    /// translations to ECMAScript and PCRE in RFC 9485 §5 do, not as literal characters.
    case textStart
    case textEnd
    case concatenation([IRegexpNode])
    case alternation([IRegexpNode])
    /// `max == nil` means unbounded.
    case repetition(IRegexpNode, min: Int, max: Int?)
}

/// A character class: ranges and Unicode general categories, possibly negated.
struct ScalarSet {
    var ranges: [ClosedRange<UInt32>] = []
    var categories: [(Set<Unicode.GeneralCategory>, negated: Bool)] = []
    var negated = false

    func contains(_ scalar: Unicode.Scalar) -> Bool {
        var found = false
        for range in ranges where range.contains(scalar.value) {
            found = true
            break
        }
        if !found {
            let category = scalar.properties.generalCategory
            for (set, negatedCategory) in categories where set.contains(category) != negatedCategory {
                found = true
                break
            }
        }
        return found != negated
    }
}

/// A parser for the I-Regexp grammar of RFC 9485 §3 (ABNF rule heads on each function).
/// Returns nil for anything outside it: I-Regexp is deliberately small, so backreferences,
/// anchors, lazy quantifiers, `\d` and the like are errors, not extensions.
struct IRegexpParser {
    let scalars: [Unicode.Scalar]
    var index = 0
    var depth = 0
    static let maxDepth = 100
    /// Larger counts in `{n,m}` cannot fit in a program anyway.
    static let maxCount = IRegexp.maxProgramSize

    init(_ scalars: [Unicode.Scalar]) { self.scalars = scalars }

    func peek() -> Unicode.Scalar? { index < scalars.count ? scalars[index] : nil }

    mutating func parse() -> IRegexpNode? {
        guard let tree = parseAlternation(), index == scalars.count else { return nil }
        return tree
    }

    /// i-regexp = branch *( "|" branch )
    mutating func parseAlternation() -> IRegexpNode? {
        depth += 1
        defer { depth -= 1 }
        guard depth <= Self.maxDepth, let first = parseBranch() else { return nil }
        var branches = [first]
        while peek() == "|" {
            index += 1
            guard let branch = parseBranch() else { return nil }
            branches.append(branch)
        }
        return branches.count == 1 ? first : .alternation(branches)
    }

    /// branch = *piece
    mutating func parseBranch() -> IRegexpNode? {
        var pieces: [IRegexpNode] = []
        while let scalar = peek(), scalar != "|", scalar != ")" {
            guard let piece = parsePiece() else { return nil }
            pieces.append(piece)
        }
        return pieces.isEmpty ? .empty : pieces.count == 1 ? pieces[0] : .concatenation(pieces)
    }

    /// piece = atom [ quantifier ]
    /// quantifier = ( "*" / "+" / "?" ) / range-quantifier
    mutating func parsePiece() -> IRegexpNode? {
        guard let atom = parseAtom() else { return nil }
        switch peek() {
        case "*":
            index += 1
            return .repetition(atom, min: 0, max: nil)
        case "+":
            index += 1
            return .repetition(atom, min: 1, max: nil)
        case "?":
            index += 1
            return .repetition(atom, min: 0, max: 1)
        case "{":
            return parseRangeQuantifier(atom)
        default:
            return atom
        }
    }

    /// range-quantifier = "{" QuantExact [ "," [ QuantExact ] ] "}"
    mutating func parseRangeQuantifier(_ atom: IRegexpNode) -> IRegexpNode? {
        index += 1
        guard let minimum = parseCount() else { return nil }
        var maximum: Int? = minimum
        if peek() == "," {
            index += 1
            maximum = peek() == "}" ? nil : parseCount()
            if maximum == nil && peek() != "}" { return nil }
        }
        guard peek() == "}" else { return nil }
        index += 1
        if let maximum, maximum < minimum { return nil }
        return .repetition(atom, min: minimum, max: maximum)
    }

    /// QuantExact = 1*%x30-39
    mutating func parseCount() -> Int? {
        var value = 0
        var digits = 0
        while let scalar = peek(), ("0"..."9").contains(scalar) {
            value = min(value * 10 + Int(scalar.value - 0x30), Self.maxCount)
            digits += 1
            index += 1
        }
        return digits > 0 ? value : nil
    }

    /// atom = NormalChar / charClass / ( "(" i-regexp ")" )
    /// charClass = "." / SingleCharEsc / charClassEsc / charClassExpr
    mutating func parseAtom() -> IRegexpNode? {
        guard let scalar = peek() else { return nil }
        switch scalar {
        case "(":
            index += 1
            guard let inner = parseAlternation(), peek() == ")" else { return nil }
            index += 1
            return inner
        case ".":
            index += 1
            return .any
        case "^":
            index += 1
            return .textStart
        case "$":
            index += 1
            return .textEnd
        case "[":
            return parseClassExpression().map { .set($0) }
        case "\\":
            return parseEscape().map { escape in
                switch escape {
                case .scalar(let scalar): return .scalar(scalar)
                case .set(let set): return .set(set)
                }
            }
        case ")", "*", "+", "?", "{", "}", "|", "]":
            // Not a NormalChar: these must be escaped.
            return nil
        default:
            index += 1
            return .scalar(scalar)
        }
    }

    enum Escape {
        case scalar(Unicode.Scalar)
        case set(ScalarSet)
    }

    /// SingleCharEsc = "\" ( %x28-2B / "-" / "." / "?" / %x5B-5E / "n" / "r" / "t" / %x7B-7D )
    /// charClassEsc = catEsc / complEsc ; catEsc = "\p{" charProp "}" ; complEsc = "\P{" charProp "}"
    mutating func parseEscape() -> Escape? {
        index += 1
        guard let scalar = peek() else { return nil }
        index += 1
        switch scalar {
        case "(", ")", "*", "+", "-", ".", "?", "[", "\\", "]", "^", "{", "|", "}":
            return .scalar(scalar)
        case "n": return .scalar("\n")
        case "r": return .scalar("\r")
        case "t": return .scalar("\t")
        case "p", "P":
            guard peek() == "{" else { return nil }
            index += 1
            let start = index
            while let next = peek(), next != "}" { index += 1 }
            guard peek() == "}" else { return nil }
            var name = String.UnicodeScalarView()
            name.append(contentsOf: scalars[start..<index])
            index += 1
            guard let categories = Self.categories(String(name)) else { return nil }
            var set = ScalarSet()
            set.categories = [(categories, negated: scalar == "P")]
            return .set(set)
        default:
            return nil
        }
    }

    /// charClassExpr = "[" [ "^" ] ( "-" / CCE1 ) *CCE1 [ "-" ] "]"
    /// CCE1 = ( CCchar [ "-" CCchar ] ) / charClassEsc
    mutating func parseClassExpression() -> ScalarSet? {
        index += 1
        var set = ScalarSet()
        if peek() == "^" {
            set.negated = true
            index += 1
        }
        var first = true
        while true {
            guard let scalar = peek() else { return nil }
            if scalar == "]" && !first {
                index += 1
                return set
            }
            if scalar == "-" {
                // '-' is a literal only first or last in the class.
                index += 1
                guard first || peek() == "]" else { return nil }
                set.ranges.append(0x2D...0x2D)
                first = false
                continue
            }
            first = false
            guard let low = parseClassCharacter(into: &set) else { continue }
            guard let lowScalar = low else { return nil }
            if peek() == "-", index + 1 < scalars.count, scalars[index + 1] != "]" {
                index += 1
                guard let high = parseClassCharacter(into: &set), let highScalar = high,
                    lowScalar.value <= highScalar.value
                else { return nil }
                set.ranges.append(lowScalar.value...highScalar.value)
            } else {
                set.ranges.append(lowScalar.value...lowScalar.value)
            }
        }
    }

    /// CCchar = ( %x00-2C / %x2E-5A / %x5E-D7FF / %xE000-10FFFF ) / SingleCharEsc.
    /// Returns .some(scalar) for a character, .some(nil) for an invalid one, and nil after
    /// adding a category escape to `set` (which cannot start a range).
    mutating func parseClassCharacter(into set: inout ScalarSet) -> Unicode.Scalar?? {
        guard let scalar = peek() else { return .some(nil) }
        switch scalar {
        case "[", "]", "-":
            return .some(nil)
        case "\\":
            switch parseEscape() {
            case .scalar(let escaped)?: return .some(escaped)
            case .set(let category)?:
                set.categories.append(contentsOf: category.categories)
                return nil
            case nil: return .some(nil)
            }
        default:
            index += 1
            return .some(scalar)
        }
    }
}
