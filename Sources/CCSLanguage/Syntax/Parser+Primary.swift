extension Parser {
    /// postfix -> primary { '.' NAME [args] | '?.' NAME [args] | '.' PATH | '?.' PATH
    ///                    | '[' subscript ']' | '?[' subscript ']' | args }
    /// subscript -> expr | [expr] ':' [expr]
    /// A '(' or '[' on a new line starts a new statement instead of continuing this one.
    /// After a `?.` or `?[`, a null ends the whole chain with null: `({})?.a.b` is null, as
    /// the steps after the optional one are guarded (`ChainGuardExpr`) and the chain wrapped
    /// (`OptionalChainExpr`).
    mutating func parsePostfix() throws -> Expr {
        var expr = try parsePrimary()
        var levels = 0
        var chained = false
        defer { depth -= levels }
        while true {
            try enter()
            levels += 1
            switch current.kind {
            case .punct(.dot), .punct(.questionDot), .punct(.lbracket) where !current.afterNewline,
                 .punct(.questionBracket), .punct(.lparen) where !current.afterNewline:
                if chained { expr = ChainGuardExpr(expr) }
                if check(.questionDot) || check(.questionBracket) { chained = true }
            default:
                break
            }
            switch current.kind {
            case .punct(.dot), .punct(.questionDot):
                let optional = check(.questionDot)
                let location = advance().location
                if case .path(let text) = current.kind {
                    let pathLocation = advance().location
                    expr = try makePath(expr, text, first: optional, at: pathLocation)
                    continue
                }
                guard let name = try fieldName() else { throw fail("<name> expected near \(current.display)") }
                if check(.lparen) && !current.afterNewline {
                    expr = MethodCallExpr(expr, name, try parseArguments(), optional: optional, at: location)
                } else {
                    expr = FieldExpr(expr, name, optional: optional, at: location)
                }
            case .punct(.lbracket) where !current.afterNewline, .punct(.questionBracket):
                let optional = check(.questionBracket)
                let open = advance().location
                var lower: Expr?
                if !check(.colon) { lower = try parseExpression() }
                if match(.colon) {
                    var upper: Expr?
                    if !check(.rbracket) { upper = try parseExpression() }
                    try expectClosing(.rbracket, opening: "[", at: open)
                    expr = SliceExpr(expr, lower: lower, upper: upper, optional: optional, at: open)
                } else if let lower {
                    try expectClosing(.rbracket, opening: "[", at: open)
                    expr = IndexExpr(expr, lower, optional: optional, at: open)
                }
            case .punct(.lparen) where !current.afterNewline:
                expr = CallExpr(expr, try parseArguments(), at: expr.location)
            default:
                return chained ? OptionalChainExpr(expr) : expr
            }
        }
    }

    /// primary -> NUMBER | STRING | 'true' | 'false' | 'null' | NAME | '(' expr ')'
    ///          | '[' [expr {',' expr} [',']] ']' | '{' [entry {',' entry} [',']] '}'
    ///          | 'fn' funcbody
    /// entry -> (NAME | STRING) ':' expr
    mutating func parsePrimary() throws -> Expr {
        let token = current
        let location = token.location
        switch token.kind {
        case .int(let i):
            _ = advance()
            return LiteralExpr(.int(i), at: location)
        case .double(let d):
            _ = advance()
            return LiteralExpr(.double(d), at: location)
        case .string(let s):
            _ = advance()
            if let parts = token.template { return try parseTemplate(parts, at: location) }
            return LiteralExpr(.string(s), at: location)
        case .keyword(.true):
            _ = advance()
            return LiteralExpr(.bool(true), at: location)
        case .keyword(.false):
            _ = advance()
            return LiteralExpr(.bool(false), at: location)
        case .keyword(.null):
            _ = advance()
            return LiteralExpr(.null, at: location)
        case .name(let name):
            _ = advance()
            return NameExpr(name, at: location)
        case .punct(.lparen):
            _ = advance()
            let inner = try parseExpression()
            try expectClosing(.rparen, opening: "(", at: location)
            return inner
        case .punct(.lbracket):
            _ = advance()
            var items: [Expr] = []
            while !check(.rbracket) {
                items.append(try parseExpression())
                if !match(.comma) { break }
            }
            try expectClosing(.rbracket, opening: "[", at: location)
            return ListExpr(items, at: location)
        case .punct(.lbrace):
            return try parseMap()
        case .keyword(.fn):
            _ = advance()
            return FnExpr(try parseFunction(name: "anonymous", at: location))
        case .path:
            throw fail("a path literal must follow '.' or '?.' (as in x.`$.a`) near \(token.display)")
        case .eof:
            throw fail("unexpected end of input")
        default:
            throw fail("unexpected symbol near \(token.display)")
        }
    }

    mutating func parseMap() throws -> Expr {
        let open = advance().location
        var keys: [String] = []
        var values: [Expr] = []
        while !check(.rbrace) {
            let key: String
            switch current.kind {
            case .name(let name): key = name
            case .keyword(let keyword): key = keyword.rawValue
            case .string(let s) where current.template == nil: key = s
            case .int(let i): key = String(i)
            default: throw fail("map key (a name or a string) expected near \(current.display)")
            }
            _ = advance()
            try expect(.colon, "after map key")
            let value = try parseExpression()
            if let existing = keys.firstIndex(of: key) {
                values[existing] = value
            } else {
                keys.append(key)
                values.append(value)
            }
            if !match(.comma) { break }
        }
        try expectClosing(.rbrace, opening: "{", at: open)
        return MapExpr(keys: keys, values: values, at: open)
    }

    /// The parts of `"text ${expr} text"`: each hole's tokens are parsed by a sub-parser.
    mutating func parseTemplate(_ parts: [TemplatePart], at location: SourceLocation) throws -> Expr {
        var exprs: [Expr] = []
        for part in parts {
            switch part {
            case .text(let text):
                exprs.append(LiteralExpr(.string(text), at: location))
            case .code(let holeTokens, let holeLocation):
                if holeTokens.count <= 1 { throw fail("expression expected in '${}'", at: holeLocation) }
                var sub = Parser(tokens: holeTokens, source: source)
                sub.depth = depth
                do {
                    let expr = try sub.parseExpression()
                    if case .eof = sub.current.kind {
                        exprs.append(expr)
                    } else {
                        _ = sub.fail("'}' expected (to close '${' at line \(holeLocation.line)) near \(sub.current.display)")
                    }
                } catch {
                    errors.append(contentsOf: sub.errors)
                    throw Abort()
                }
                errors.append(contentsOf: sub.errors)
                if !sub.errors.isEmpty { throw Abort() }
            }
        }
        return TemplateExpr(exprs, at: location)
    }
}
