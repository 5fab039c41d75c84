extension Parser {
    /// statement -> letstat | fnstat | returnstat | ifstat | whilestat | forstat | trystat
    ///            | 'throw' expr | 'break' | 'continue' | importstat | block | exprstat
    mutating func parseStatement(topLevel: Bool = false) throws -> Stmt {
        let location = current.location
        switch current.kind {
        case .keyword(.let): return try parseLet()
        case .keyword(.fn):
            if case .name = tokens[Swift.min(position + 1, tokens.count - 1)].kind { return try parseFnStatement() }
        case .keyword(.return):
            _ = advance()
            if current.afterNewline || check(.rbrace) || check(.semicolon) { return ReturnStmt(nil, at: location) }
            if case .eof = current.kind { return ReturnStmt(nil, at: location) }
            return ReturnStmt(try parseExpression(), at: location)
        case .keyword(.if): return try parseIf()
        case .keyword(.while):
            _ = advance()
            let condition = try parseExpression()
            return WhileStmt(condition, try parseBlock(), at: location)
        case .keyword(.for): return try parseFor()
        case .keyword(.try): return try parseTry()
        case .keyword(.throw):
            _ = advance()
            return ThrowStmt(try parseExpression(), at: location)
        case .keyword(.break):
            _ = advance()
            return BreakStmt(location)
        case .keyword(.continue):
            _ = advance()
            return ContinueStmt(location)
        case .keyword(.import): return try parseImport()
        case .punct(.lbrace): return try parseBlock()
        default: break
        }
        return try parseExpressionStatement(topLevel: topLevel)
    }

    /// block -> '{' { statement [';'] } '}'
    mutating func parseBlock() throws -> BlockStmt {
        let open = current.location
        guard match(.lbrace) else { throw fail("'{' expected near \(current.display)") }
        try enter()
        defer { leave() }
        var statements: [Stmt] = []
        while !check(.rbrace) {
            if case .eof = current.kind { break }
            if match(.semicolon) { continue }
            let statement = try parseStatement()
            statements.append(statement)
            try endOfStatement(after: statement)
        }
        try expectClosing(.rbrace, opening: "{", at: open)
        return BlockStmt(Parser.hoistingFunctions(statements), at: open)
    }

    /// letstat -> 'let' NAME '=' expr
    mutating func parseLet() throws -> Stmt {
        let location = advance().location
        let name = try expectName("<name>")
        try expect(.assign, "after 'let \(name)'")
        return LetStmt(name, try parseExpression(), at: location)
    }

    /// fnstat -> 'fn' NAME '(' [NAME {',' NAME}] ')' funcbody
    mutating func parseFnStatement() throws -> Stmt {
        let location = advance().location
        let name = try expectName("<name>")
        return FnStmt(try parseFunction(name: name, at: location))
    }

    /// funcbody -> '(' params ')' ( block | '=>' expr )
    mutating func parseFunction(name: String, at location: SourceLocation) throws -> FunctionDecl {
        let open = current.location
        try expect(.lparen, "after 'fn'")
        var params: [String] = []
        if !check(.rparen) {
            repeat {
                let paramLocation = current.location
                let param = try expectName("<name>")
                if params.contains(param) { throw fail("duplicate parameter '\(param)'", at: paramLocation) }
                params.append(param)
            } while match(.comma)
        }
        try expectClosing(.rparen, opening: "(", at: open)
        let body: BlockStmt
        if check(.arrow) {
            let arrow = advance().location
            let value = try parseExpression()
            body = BlockStmt([ReturnStmt(value, at: arrow)], at: arrow)
        } else {
            body = try parseBlock()
        }
        return FunctionDecl(name: name, params: params, body: body, location: location, source: source)
    }

    /// ifstat -> 'if' expr block ['else' (ifstat | block)]
    mutating func parseIf() throws -> Stmt {
        let location = advance().location
        let condition = try parseExpression()
        let then = try parseBlock()
        var otherwise: Stmt?
        if match(.else) {
            otherwise = check(.if) ? try parseIf() : try parseBlock()
        }
        return IfStmt(condition, then: then, otherwise: otherwise, at: location)
    }

    /// forstat -> 'for' NAME [',' NAME] 'in' expr block
    mutating func parseFor() throws -> Stmt {
        let location = advance().location
        let first = try expectName("<name>")
        var second: String?
        if match(.comma) { second = try expectName("<name>") }
        guard match(.in) else { throw fail("'in' expected near \(current.display)") }
        let iterable = try parseExpression()
        return ForStmt(first, second, in: iterable, try parseBlock(), at: location)
    }

    /// trystat -> 'try' block [ 'catch' NAME block ] [ 'finally' block ]  (catch, finally or both)
    mutating func parseTry() throws -> Stmt {
        let location = advance().location
        let body = try parseBlock()
        var name: String?
        var handler: BlockStmt?
        if match(.catch) {
            name = try expectName("<name>")
            handler = try parseBlock()
        }
        let cleanup = match(.finally) ? try parseBlock() : nil
        guard handler != nil || cleanup != nil else {
            throw fail("'catch' or 'finally' expected (to close 'try' at line \(location.line)) near \(current.display)")
        }
        return TryStmt(body, catching: name, handler, finally: cleanup, at: location)
    }

    /// importstat -> 'import' STRING ['as' NAME]
    mutating func parseImport() throws -> Stmt {
        let location = advance().location
        guard case .string(let path) = current.kind, current.template == nil else {
            throw fail("module name (a string) expected near \(current.display)")
        }
        _ = advance()
        var alias: String
        if match(.as) {
            alias = try expectName("<name>")
        } else {
            let base = path.split(separator: "/").last.map(String.init) ?? path
            alias = base.hasSuffix(".ccs") ? String(base.dropLast(4)) : base
            let valid = !alias.isEmpty && alias.utf8.allSatisfy {
                ($0 >= 0x61 && $0 <= 0x7A) || ($0 >= 0x41 && $0 <= 0x5A) || $0 == 0x5F || ($0 >= 0x30 && $0 <= 0x39)
            } && !(alias.utf8.first.map { $0 >= 0x30 && $0 <= 0x39 } ?? true)
            if !valid { throw fail("module name '\(path)' is not a valid name; use 'import \"\(path)\" as NAME'", at: location) }
        }
        return ImportStmt(path, as: alias, at: location)
    }

    /// exprstat -> expr [ ('=' | '+=' | '-=' | '*=' | '/=') expr ]
    mutating func parseExpressionStatement(topLevel: Bool) throws -> Stmt {
        let expr = try parseExpression()
        let op: BinaryOp?
        switch current.kind {
        case .punct(.assign): op = nil
        case .punct(.plusAssign): op = .add
        case .punct(.minusAssign): op = .sub
        case .punct(.starAssign): op = .mul
        case .punct(.slashAssign): op = .div
        default: return ExprStmt(expr, keepsValue: topLevel)
        }
        let location = advance().location
        let value = try parseExpression()
        switch expr {
        case let name as NameExpr: return AssignNameStmt(name, op: op, value, at: location)
        case let field as FieldExpr where !field.optional:
            return AssignFieldStmt(field.object, field.name, op: op, value, at: location)
        case let index as IndexExpr where !index.optional:
            return AssignIndexStmt(index.object, index.index, op: op, value, at: location)
        default:
            throw fail("cannot assign to this expression", at: expr.location)
        }
    }
}
