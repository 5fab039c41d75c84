import CCSLanguage

/// What a script declares, found from its tokens rather than its syntax tree, so that a
/// script with errors (the usual state while typing) still has its functions, variables and
/// imports: `fn NAME(PARAMS)`, `let NAME`, `import "PATH" [as NAME]`.
struct DocumentIndex {
    enum Kind { case function, variable, module }

    struct Symbol {
        let name: String
        let kind: Kind
        /// The byte range of the name.
        let nameStart: Int
        let nameEnd: Int
        /// The byte range of the whole declaration (a function to its closing brace).
        let start: Int
        let end: Int
        let parameters: [String]
        /// For a module: the import's path as written.
        let importPath: String?
        /// 0 for top-level declarations.
        let depth: Int
    }

    let symbols: [Symbol]

    init(bytes: [UInt8]) {
        var lexer = Lexer(bytes: bytes)
        let tokens = lexer.tokenize()
        var symbols: [Symbol] = []
        var depth = 0
        var index = 0
        func name(at i: Int) -> String? {
            guard i < tokens.count, case .name(let text) = tokens[i].kind else { return nil }
            return text
        }
        while index < tokens.count {
            let token = tokens[index]
            switch token.kind {
            case .punct(.lbrace): depth += 1
            case .punct(.rbrace): depth = max(0, depth - 1)
            case .keyword(.fn):
                if let fnName = name(at: index + 1) {
                    var parameters: [String] = []
                    var cursor = index + 2
                    if cursor < tokens.count, case .punct(.lparen) = tokens[cursor].kind {
                        cursor += 1
                        while cursor < tokens.count {
                            if case .punct(.rparen) = tokens[cursor].kind { break }
                            if let parameter = name(at: cursor) { parameters.append(parameter) }
                            cursor += 1
                        }
                    }
                    let nameStart = tokens[index + 1].location.offset
                    symbols.append(
                        Symbol(
                            name: fnName, kind: .function, nameStart: nameStart, nameEnd: nameStart + fnName.utf8.count,
                            start: token.location.offset, end: Self.endOfBody(tokens, after: cursor, bytes: bytes),
                            parameters: parameters, importPath: nil, depth: depth))
                }
            case .keyword(.let):
                if let letName = name(at: index + 1) {
                    let nameStart = tokens[index + 1].location.offset
                    symbols.append(
                        Symbol(
                            name: letName, kind: .variable, nameStart: nameStart, nameEnd: nameStart + letName.utf8.count,
                            start: token.location.offset, end: nameStart + letName.utf8.count, parameters: [],
                            importPath: nil, depth: depth))
                }
            case .keyword(.import):
                if index + 1 < tokens.count, case .string(let path) = tokens[index + 1].kind {
                    var alias = Self.moduleName(ofPath: path)
                    var nameToken = tokens[index + 1]
                    if index + 3 < tokens.count, case .keyword(.as) = tokens[index + 2].kind, let given = name(at: index + 3) {
                        alias = given
                        nameToken = tokens[index + 3]
                    }
                    let end = nameToken.location.offset + (name(at: index + 3) == alias ? alias.utf8.count : path.utf8.count + 2)
                    symbols.append(
                        Symbol(
                            name: alias, kind: .module, nameStart: nameToken.location.offset, nameEnd: end,
                            start: token.location.offset, end: end, parameters: [], importPath: path, depth: depth))
                }
            default: break
            }
            index += 1
        }
        self.symbols = symbols
    }

    /// `import "x/table.ccs"` and `import "table"` both bind `table`.
    static func moduleName(ofPath path: String) -> String {
        var base = path.split(separator: "/").last.map(String.init) ?? path
        if base.hasSuffix(".ccs") { base.removeLast(4) }
        return base
    }

    /// The end of a function declared before token `after` (its `)`): its matching `}`, or,
    /// for `fn f(x) => expr`, the end of that line.
    private static func endOfBody(_ tokens: [Token], after: Int, bytes: [UInt8]) -> Int {
        var index = after + 1
        guard index < tokens.count else { return bytes.count }
        if case .punct(.lbrace) = tokens[index].kind {
            var depth = 0
            while index < tokens.count {
                switch tokens[index].kind {
                case .punct(.lbrace): depth += 1
                case .punct(.rbrace):
                    depth -= 1
                    if depth == 0 { return tokens[index].location.offset + 1 }
                case .eof: return bytes.count
                default: break
                }
                index += 1
            }
            return bytes.count
        }
        var end = tokens[index].location.offset
        while end < bytes.count && bytes[end] != 0x0A { end += 1 }
        return end
    }

    /// The declaration `name` refers to at `offset`: a function anywhere in the file, else the
    /// closest `let` or import before the offset.
    func definition(of name: String, before offset: Int) -> Symbol? {
        if let function = symbols.first(where: { $0.kind == .function && $0.name == name }) { return function }
        return symbols.last { $0.kind != .function && $0.name == name && $0.start <= offset }
    }

    /// The top-level names a module exports: its functions and variables not starting with `_`.
    var exports: [Symbol] {
        symbols.filter { $0.depth == 0 && $0.kind != .module && !$0.name.hasPrefix("_") }
    }
}
