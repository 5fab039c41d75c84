/// A recursive-descent parser for RFC 9535 queries, over the query's Unicode scalars (so
/// error offsets count characters). Each function is headed by the ABNF rule it parses.
struct JSONPathParser {
    let scalars: [Unicode.Scalar]
    var index = 0
    /// Filters nest (`$[?@[?@[?...]]]`); each level recurses, so depth is bounded.
    var nesting = 0
    static let maxNesting = 256

    /// ±(2^53-1), the I-JSON range integers in indexes and slices must stay in (§2.1).
    static let maxExactInteger = 9_007_199_254_740_991

    init(_ text: String) {
        scalars = Array(text.unicodeScalars)
    }

    func error(_ message: String, at offset: Int? = nil) -> JSONPathSyntaxError {
        JSONPathSyntaxError(message: message, offset: offset ?? index)
    }

    var atEnd: Bool { index >= scalars.count }

    func peek(_ ahead: Int = 0) -> Unicode.Scalar? {
        index + ahead < scalars.count ? scalars[index + ahead] : nil
    }

    /// "'x'" or "end of query", for messages.
    func found() -> String {
        guard let scalar = peek() else { return "end of query" }
        switch scalar {
        case " ": return "a space"
        case "\t": return "a tab"
        case "\n", "\r": return "a line break"
        default: return "'\(scalar)'"
        }
    }

    mutating func consume(_ scalar: Unicode.Scalar) -> Bool {
        guard peek() == scalar else { return false }
        index += 1
        return true
    }

    mutating func expect(_ scalar: Unicode.Scalar, _ context: String) throws {
        guard consume(scalar) else { throw error("expected '\(scalar)' \(context), found \(found())") }
    }

    /// S = *B ; B = %x20 / %x09 / %x0A / %x0D
    mutating func skipBlanks() {
        while let scalar = peek(), scalar == " " || scalar == "\t" || scalar == "\n" || scalar == "\r" {
            index += 1
        }
    }

    /// jsonpath-query = root-identifier segments
    mutating func parseQuery() throws -> PathQuery {
        guard consume("$") else {
            throw error("a query must start with '$', found \(found())")
        }
        let segments = try parseSegments()
        guard atEnd else {
            throw error("unexpected \(found()) after the query")
        }
        return PathQuery(absolute: true, segments: segments)
    }

    /// segments = *(S segment); whitespace is consumed only when a segment follows it.
    mutating func parseSegments() throws -> [PathSegment] {
        var segments: [PathSegment] = []
        while true {
            let before = index
            skipBlanks()
            guard let scalar = peek(), scalar == "." || scalar == "[" else {
                index = before
                return segments
            }
            segments.append(try parseSegment())
        }
    }

    /// segment = child-segment / descendant-segment
    /// child-segment = bracketed-selection / ("." (wildcard-selector / member-name-shorthand))
    /// descendant-segment = ".." (bracketed-selection / wildcard-selector / member-name-shorthand)
    mutating func parseSegment() throws -> PathSegment {
        if consume("[") {
            return PathSegment(descendant: false, selectors: try parseBracketedSelection())
        }
        try expect(".", "to start a segment")
        let descendant = consume(".")
        if descendant && consume("[") {
            return PathSegment(descendant: true, selectors: try parseBracketedSelection())
        }
        if consume("*") {
            return PathSegment(descendant: descendant, selectors: [.wildcard])
        }
        guard let first = peek(), Self.isNameFirst(first) else {
            let after = descendant ? "'..'" : "'.'"
            throw error("expected a member name or '*' after \(after), found \(found())")
        }
        let start = index
        while let scalar = peek(), Self.isNameFirst(scalar) || ("0"..."9").contains(scalar) { index += 1 }
        var name = String.UnicodeScalarView()
        name.append(contentsOf: scalars[start..<index])
        return PathSegment(descendant: descendant, selectors: [.name(String(name))])
    }

    /// name-first = ALPHA / "_" / %x80-D7FF / %xE000-10FFFF
    static func isNameFirst(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x41...0x5A, 0x61...0x7A, 0x5F, 0x80...0xD7FF, 0xE000...0x10FFFF: return true
        default: return false
        }
    }

    /// bracketed-selection = "[" S selector *(S "," S selector) S "]"  ('[' already consumed)
    mutating func parseBracketedSelection() throws -> [PathSelector] {
        let open = index - 1
        var selectors: [PathSelector] = []
        while true {
            skipBlanks()
            selectors.append(try parseSelector())
            skipBlanks()
            if consume("]") { return selectors }
            guard consume(",") else {
                if atEnd {
                    throw error("expected ']' to close the '[' at character \(open + 1), found end of query")
                }
                throw error("expected ',' or ']' after a selector, found \(found())")
            }
        }
    }

    /// selector = name-selector / wildcard-selector / slice-selector / index-selector /
    ///            filter-selector
    mutating func parseSelector() throws -> PathSelector {
        guard let scalar = peek() else { throw error("expected a selector, found end of query") }
        switch scalar {
        case "'", "\"":
            return .name(try parseStringLiteral())
        case "*":
            index += 1
            return .wildcard
        case "?":
            index += 1
            skipBlanks()
            return .filter(try parseFilterExpression())
        case ":", "-", "0"..."9":
            return try parseIndexOrSlice()
        default:
            throw error(
                "expected a selector (a name in quotes, '*', an index, a slice or '?'), found \(found())")
        }
    }

    /// index-selector = int
    /// slice-selector = [start S] ":" S [end S] [":" [S step]]
    mutating func parseIndexOrSlice() throws -> PathSelector {
        var start: Int?
        if peek() != ":" {
            start = try parseInteger()
            skipBlanks()
            guard peek() == ":" else {
                // A lone integer is an index selector.
                return .index(start ?? 0)
            }
        }
        index += 1  // ':'
        skipBlanks()
        var end: Int?
        if let scalar = peek(), scalar == "-" || ("0"..."9").contains(scalar) {
            end = try parseInteger()
            skipBlanks()
        }
        var step: Int?
        if consume(":") {
            skipBlanks()
            if let scalar = peek(), scalar == "-" || ("0"..."9").contains(scalar) {
                step = try parseInteger()
            }
        }
        return .slice(start: start, end: end, step: step)
    }

    /// int = "0" / (["-"] DIGIT1 *DIGIT), within ±(2^53-1) (§2.1)
    mutating func parseInteger() throws -> Int {
        let start = index
        let negative = consume("-")
        guard let first = peek(), ("0"..."9").contains(first) else {
            throw error("expected a digit, found \(found())")
        }
        if first == "0" {
            index += 1
            if negative { throw error("'-0' is not a valid integer here", at: start) }
            if let next = peek(), ("0"..."9").contains(next) {
                throw error("leading zeros are not allowed in integers", at: start)
            }
            return 0
        }
        var magnitude = 0
        while let scalar = peek(), ("0"..."9").contains(scalar) {
            magnitude = magnitude * 10 + Int(scalar.value - 0x30)
            index += 1
            guard magnitude <= Self.maxExactInteger else {
                throw error("integer out of range (limit ±(2^53-1))", at: start)
            }
        }
        return negative ? -magnitude : magnitude
    }
}
