import CCSLanguage

/// What is being typed at a position, worked out from the text before it (which, while
/// typing, is usually not a complete script): a resource type name in a string, a property
/// name in the map of `create(T, {…})` or `patch(…, {…})`, a member of an imported module
/// after `alias.`, or a name.
enum CursorContext: Equatable {
    /// Inside a string that names a resource type; the string's text starts at `start`.
    case typeName(start: Int)
    /// A key of the properties map of `type`, or of a map nested in it at `path` (property
    /// names, `[]` for an array's items); `creating` is true for `create` (read-only
    /// properties are not offered there). The key typed so far starts at `start`.
    case propertyKey(type: String, path: [String], creating: Bool, start: Int)
    /// After `module.`; the member typed so far starts at `start`.
    case member(module: String, start: Int)
    /// A name; what is typed so far starts at `start`.
    case name(start: Int)
    /// In a comment or another string: nothing to offer.
    case none

    /// The built-ins whose first argument is a resource type name.
    static let typeFunctions: Set<String> = ["create", "get", "list", "delete", "patch", "schema", "requests"]

    static func at(_ offset: Int, in document: TextDocument, modules: Set<String>) -> CursorContext {
        let bytes = document.bytes
        let cursor = min(offset, bytes.count)
        if let stringStart = openString(before: cursor, in: bytes) {
            let content = String(decoding: bytes[stringStart..<cursor], as: UTF8.self)
            let looksLikeType =
                content.contains("::") || callee(beforeQuoteAt: stringStart - 1, in: bytes).map(typeFunctions.contains) == true
            let plain = content.unicodeScalars.allSatisfy { $0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == ":" }
            return looksLikeType && plain ? .typeName(start: stringStart) : .none
        }
        if inComment(cursor, in: bytes) { return .none }
        var start = cursor
        while start > 0 && TextDocument.isWordByte(bytes[start - 1]) { start -= 1 }
        if start > 0 && bytes[start - 1] == UInt8(ascii: ".") {
            var moduleStart = start - 1
            while moduleStart > 0 && TextDocument.isWordByte(bytes[moduleStart - 1]) { moduleStart -= 1 }
            let module = String(decoding: bytes[moduleStart..<(start - 1)], as: UTF8.self)
            return modules.contains(module) ? .member(module: module, start: start) : .none
        }
        if let map = enclosingPropertiesMap(before: start, in: bytes), map.atKey {
            return .propertyKey(type: map.type, path: map.path, creating: map.creating, start: start)
        }
        return .name(start: start)
    }

    /// The map a key at `offset` belongs to, when it is the properties map of a create or
    /// patch call whose type can be read from the text, or a map nested in it: the type, the
    /// path from the properties map down (`Tags`, `[]`, ...), whether the call creates, and
    /// whether `offset` is where a key goes (right after the map's `{` or one of its commas).
    static func enclosingPropertiesMap(before offset: Int, in bytes: [UInt8])
        -> (type: String, path: [String], creating: Bool, atKey: Bool)?
    {
        var lexer = Lexer(bytes: Array(bytes[0..<offset]))
        let tokens = lexer.tokenize().filter { if case .eof = $0.kind { return false } else { return true } }
        var open: [Int] = []
        for (index, token) in tokens.enumerated() {
            guard case .punct(let punct) = token.kind else { continue }
            switch punct {
            case .lparen, .lbrace, .lbracket: open.append(index)
            case .rparen, .rbrace, .rbracket: if !open.isEmpty { open.removeLast() }
            default: break
            }
        }
        func punct(_ index: Int) -> Punct? {
            guard index >= 0, index < tokens.count, case .punct(let punct) = tokens[index].kind else { return nil }
            return punct
        }
        guard let innermost = open.last, punct(innermost) == .lbrace else { return nil }
        // The innermost create(…, {…}) or patch(…, {…}) call holding the cursor.
        guard
            let level = open.indices.dropLast().last(where: { level in
                let paren = open[level]
                guard punct(paren) == .lparen, paren > 0, case .name(let function) = tokens[paren - 1].kind,
                    function == "create" || function == "patch"
                else { return false }
                return punct(open[level + 1]) == .lbrace && punct(open[level + 1] - 1) == .comma
            })
        else { return nil }
        let paren = open[level]
        guard case .name(let function) = tokens[paren - 1].kind else { return nil }
        let type: String
        switch tokens[paren + 1].kind {
        case .string(let literal) where tokens[paren + 1].template == nil: type = literal
        case .name(let variable):
            guard let bound = typeBound(to: variable, in: tokens, before: paren) else { return nil }
            type = bound
        default: return nil
        }
        // Each bracket opened inside the properties map is the value of a key, or an item of
        // the array around it.
        var path: [String] = []
        for position in (level + 2)..<open.count {
            let opener = open[position]
            if punct(opener - 1) == .colon, opener >= 2 {
                switch tokens[opener - 2].kind {
                case .name(let key), .string(let key): path.append(key)
                default: return nil
                }
            } else if punct(open[position - 1]) == .lbracket {
                path.append("[]")
            } else {
                return nil
            }
        }
        let last = tokens.last.map { token -> Bool in
            guard case .punct(let punct) = token.kind else { return false }
            return punct == .lbrace || punct == .comma
        }
        return (type, path, function == "create", last ?? false)
    }

    /// `let r = get("T", ...)` (or create, list...): the type of the resource `r` holds.
    static func typeBound(to variable: String, in tokens: [Token], before end: Int) -> String? {
        var index = end - 1
        while index >= 4 {
            if case .keyword(.let) = tokens[index - 4].kind, case .name(let name) = tokens[index - 3].kind, name == variable,
                case .punct(.assign) = tokens[index - 2].kind, case .name(let function) = tokens[index - 1].kind,
                typeFunctions.contains(function) || function == "wait",
                case .punct(.lparen) = tokens[index].kind, index + 1 < end
            {
                if case .string(let type) = tokens[index + 1].kind { return type }
            }
            index -= 1
        }
        return nil
    }

    /// The offset just after the opening quote when `cursor` is inside a string (`"…"` or
    /// `'…'`, which end on their line) that starts on the cursor's line.
    static func openString(before cursor: Int, in bytes: [UInt8]) -> Int? {
        scanLine(before: cursor, in: bytes).openString
    }

    /// True when a `#` outside strings comes before `cursor` on its line.
    static func inComment(_ cursor: Int, in bytes: [UInt8]) -> Bool {
        scanLine(before: cursor, in: bytes).inComment
    }

    /// Reads the cursor's line up to the cursor, as the lexer would: quotes with backslash
    /// escapes, and `#` comments outside strings.
    private static func scanLine(before cursor: Int, in bytes: [UInt8]) -> (openString: Int?, inComment: Bool) {
        var index = cursor
        while index > 0 && bytes[index - 1] != 0x0A { index -= 1 }
        var quote: UInt8?
        var openedAt: Int?
        while index < cursor {
            let byte = bytes[index]
            if let open = quote {
                if byte == UInt8(ascii: "\\") {
                    index += 1
                } else if byte == open {
                    quote = nil
                    openedAt = nil
                }
            } else if byte == UInt8(ascii: "#") {
                return (nil, true)
            } else if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
                quote = byte
                openedAt = index + 1
            }
            index += 1
        }
        return (openedAt, false)
    }

    /// The function called with the string whose quote is at `quote` as its first argument.
    static func callee(beforeQuoteAt quote: Int, in bytes: [UInt8]) -> String? {
        var index = quote
        while index > 0 && (bytes[index - 1] == 0x20 || bytes[index - 1] == 0x09) { index -= 1 }
        guard index > 0, bytes[index - 1] == UInt8(ascii: "(") else { return nil }
        var end = index - 1
        while end > 0 && (bytes[end - 1] == 0x20 || bytes[end - 1] == 0x09) { end -= 1 }
        var start = end
        while start > 0 && TextDocument.isWordByte(bytes[start - 1]) { start -= 1 }
        return start < end ? String(decoding: bytes[start..<end], as: UTF8.self) : nil
    }
}
