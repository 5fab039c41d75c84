extension Parser {
    /// expr -> pipe [ 'if' pipe 'else' expr ]
    ///
    /// The conditional is Python's `a if cond else b`: it needs no new keyword or operator
    /// (`?` already starts `?.`, `?[` and `??`, and `:` ends map keys and slice bounds), and an
    /// `if` after an expression on the same line was an error before, so no program changes
    /// meaning. An `if` on the next line still starts an `if` statement.
    mutating func parseExpression() throws -> Expr {
        try enter()
        defer { leave() }
        let value = try parsePipe()
        guard check(.if), !current.afterNewline else { return value }
        let location = advance().location
        let condition = try parsePipe()
        guard match(.else) else { throw fail("'else' expected (to finish the conditional at line \(location.line)) near \(current.display)") }
        return ConditionalExpr(value, if: condition, else: try parseExpression(), at: location)
    }

    /// pipe -> coalesce { '|' postfix }      (`x | f(a)` means `f(x, a)`; `x | f` means `f(x)`)
    mutating func parsePipe() throws -> Expr {
        var left = try parseCoalesce()
        var levels = 0
        defer { depth -= levels }
        while check(.pipe) {
            let location = advance().location
            try enter()
            levels += 1
            let right = try parsePostfix()
            switch right {
            case let call as CallExpr:
                left = CallExpr(call.callee, [left] + call.arguments, at: call.location)
            case let method as MethodCallExpr:
                left = MethodCallExpr(method.object, method.name, [left] + method.arguments,
                                      optional: method.optional, at: method.location)
            default:
                left = CallExpr(right, [left], at: location)
            }
        }
        return left
    }

    /// coalesce -> or { '??' or }
    mutating func parseCoalesce() throws -> Expr {
        var left = try parseOr()
        var levels = 0
        defer { depth -= levels }
        while check(.coalesce) {
            let location = advance().location
            try enter()
            levels += 1
            left = CoalesceExpr(left, try parseOr(), at: location)
        }
        return left
    }

    /// or -> and { ('or' | '||') and }
    mutating func parseOr() throws -> Expr {
        var left = try parseAnd()
        var levels = 0
        defer { depth -= levels }
        while check(.or) || check(.orOr) {
            let location = advance().location
            try enter()
            levels += 1
            left = LogicalExpr(isAnd: false, left, try parseAnd(), at: location)
        }
        return left
    }

    /// and -> not { ('and' | '&&') not }
    mutating func parseAnd() throws -> Expr {
        var left = try parseNot()
        var levels = 0
        defer { depth -= levels }
        while check(.and) || check(.andAnd) {
            let location = advance().location
            try enter()
            levels += 1
            left = LogicalExpr(isAnd: true, left, try parseNot(), at: location)
        }
        return left
    }

    /// not -> 'not' not | comparison
    mutating func parseNot() throws -> Expr {
        if check(.not) {
            let location = advance().location
            try enter()
            defer { leave() }
            return UnaryExpr(negate: false, try parseNot(), at: location)
        }
        return try parseComparison()
    }

    /// comparison -> additive { ('==' | '!=' | '<' | '<=' | '>' | '>=' | 'in' | 'not' 'in') additive }
    mutating func parseComparison() throws -> Expr {
        var left = try parseAdditive()
        var levels = 0
        defer { depth -= levels }
        while true {
            let op: BinaryOp
            switch current.kind {
            case .punct(.eq): op = .eq
            case .punct(.ne): op = .ne
            case .punct(.lt): op = .lt
            case .punct(.le): op = .le
            case .punct(.gt): op = .gt
            case .punct(.ge): op = .ge
            case .keyword(.in): op = .in
            case .keyword(.not):
                guard case .keyword(.in) = tokens[Swift.min(position + 1, tokens.count - 1)].kind else { return left }
                _ = advance()
                op = .notIn
            default: return left
            }
            let location = advance().location
            try enter()
            levels += 1
            left = BinaryExpr(op, left, try parseAdditive(), at: location)
        }
    }

    /// additive -> multiplicative { ('+' | '-') multiplicative }
    mutating func parseAdditive() throws -> Expr {
        var left = try parseMultiplicative()
        var levels = 0
        defer { depth -= levels }
        while true {
            let op: BinaryOp
            if check(.plus) { op = .add } else if check(.minus) { op = .sub } else { return left }
            let location = advance().location
            try enter()
            levels += 1
            left = BinaryExpr(op, left, try parseMultiplicative(), at: location)
        }
    }

    /// multiplicative -> unary { ('*' | '/' | '%') unary }
    mutating func parseMultiplicative() throws -> Expr {
        var left = try parseUnary()
        var levels = 0
        defer { depth -= levels }
        while true {
            let op: BinaryOp
            if check(.star) { op = .mul } else if check(.slash) { op = .div } else if check(.percent) { op = .mod } else { return left }
            let location = advance().location
            try enter()
            levels += 1
            left = BinaryExpr(op, left, try parseUnary(), at: location)
        }
    }

    /// unary -> ('-' | '!') unary | postfix
    mutating func parseUnary() throws -> Expr {
        if check(.minus) || check(.bang) {
            let negate = check(.minus)
            let location = advance().location
            try enter()
            defer { leave() }
            let operand = try parseUnary()
            if negate, let literal = operand as? LiteralExpr {
                if case .int(let i) = literal.value, i != Int.min { return LiteralExpr(.int(-i), at: location) }
                if case .double(let d) = literal.value { return LiteralExpr(.double(-d), at: location) }
            }
            return UnaryExpr(negate: negate, operand, at: location)
        }
        return try parsePostfix()
    }

    /// args -> '(' [expr {',' expr} [',']] ')'
    mutating func parseArguments() throws -> [Expr] {
        let open = advance().location
        var arguments: [Expr] = []
        while !check(.rparen) {
            arguments.append(try parseExpression())
            if !match(.comma) { break }
        }
        try expectClosing(.rparen, opening: "(", at: open)
        return arguments
    }

    /// The name after '.' or '?.': identifiers and keywords alike (`m.if` is a field).
    mutating func fieldName() throws -> String? {
        switch current.kind {
        case .name(let name):
            _ = advance()
            return name
        case .keyword(let keyword):
            _ = advance()
            return keyword.rawValue
        default:
            return nil
        }
    }
}
