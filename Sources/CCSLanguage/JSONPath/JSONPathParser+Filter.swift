/// Filter expressions and function extensions (RFC 9535 §2.3.5, §2.4), with the
/// well-typedness rules of §2.4.3 applied while parsing.
extension JSONPathParser {
    /// An expression before it is known where it is used: a bare literal, query or function
    /// call means different things as a test, a comparable and a function argument.
    enum RawExpression {
        case primary(RawPrimary, at: Int)
        case logical(LogicalExpression, at: Int)
    }

    enum RawPrimary {
        case literal(Value)
        case query(PathQuery)
        case function(FunctionCall, name: String)
    }

    /// filter-selector = "?" S logical-expr   ('?' and S already consumed)
    mutating func parseFilterExpression() throws -> LogicalExpression {
        try toLogical(try parseOr())
    }

    /// logical-or-expr = logical-and-expr *(S "||" S logical-and-expr)
    mutating func parseOr() throws -> RawExpression {
        nesting += 1
        defer { nesting -= 1 }
        guard nesting <= Self.maxNesting else {
            throw error("filter expression nested more than \(Self.maxNesting) levels deep")
        }
        let start = index
        let first = try parseAnd()
        var operands: [LogicalExpression] = []
        while true {
            let before = index
            skipBlanks()
            guard peek() == "|", peek(1) == "|" else {
                index = before
                break
            }
            if operands.isEmpty { operands.append(try toLogical(first)) }
            index += 2
            skipBlanks()
            operands.append(try toLogical(try parseAnd()))
        }
        return operands.isEmpty ? first : .logical(.or(operands), at: start)
    }

    /// logical-and-expr = basic-expr *(S "&&" S basic-expr)
    mutating func parseAnd() throws -> RawExpression {
        let start = index
        let first = try parseBasic()
        var operands: [LogicalExpression] = []
        while true {
            let before = index
            skipBlanks()
            guard peek() == "&", peek(1) == "&" else {
                index = before
                break
            }
            if operands.isEmpty { operands.append(try toLogical(first)) }
            index += 2
            skipBlanks()
            operands.append(try toLogical(try parseBasic()))
        }
        return operands.isEmpty ? first : .logical(.and(operands), at: start)
    }

    /// basic-expr = paren-expr / comparison-expr / test-expr
    /// paren-expr = [logical-not-op S] "(" S logical-expr S ")"
    /// test-expr = [logical-not-op S] (filter-query / function-expr)
    /// comparison-expr = comparable S comparison-op S comparable
    mutating func parseBasic() throws -> RawExpression {
        let start = index
        if consume("!") {
            skipBlanks()
            if peek() == "(" {
                return .logical(.not(try parseParenthesized()), at: start)
            }
            let operandStart = index
            let operand = try parsePrimary()
            return .logical(.not(try toLogical(.primary(operand, at: operandStart))), at: start)
        }
        if peek() == "(" {
            return .logical(try parseParenthesized(), at: start)
        }
        let left = try parsePrimary()
        let before = index
        skipBlanks()
        guard let comparison = parseComparisonOperator() else {
            index = before
            return .primary(left, at: start)
        }
        skipBlanks()
        let rightStart = index
        guard let next = peek(), next != "(" && next != "!" else {
            throw error(
                "expected a literal, a singular query or a function after '\(comparison.rawValue)', found \(found())"
            )
        }
        let right = try parsePrimary()
        return .logical(
            .comparison(
                try toComparable(left, at: start), comparison, try toComparable(right, at: rightStart)),
            at: start)
    }

    /// "(" S logical-expr S ")"
    mutating func parseParenthesized() throws -> LogicalExpression {
        let open = index
        index += 1
        skipBlanks()
        let inner = try toLogical(try parseOr())
        skipBlanks()
        guard consume(")") else {
            throw error("expected ')' to close the '(' at character \(open + 1), found \(found())")
        }
        return inner
    }

    /// comparison-op = "==" / "!=" / "<=" / ">=" / "<" / ">"
    mutating func parseComparisonOperator() -> ComparisonOperator? {
        guard let first = peek() else { return nil }
        let second = peek(1)
        let result: ComparisonOperator?
        switch (first, second) {
        case ("=", "="): result = .equal
        case ("!", "="): result = .notEqual
        case ("<", "="): result = .lessOrEqual
        case (">", "="): result = .greaterOrEqual
        case ("<", _): result = .less
        case (">", _): result = .greater
        default: result = nil
        }
        if let result { index += result.rawValue.unicodeScalars.count }
        return result
    }

    /// A literal, a filter query (rel-query / jsonpath-query) or a function-expr.
    mutating func parsePrimary() throws -> RawPrimary {
        guard let scalar = peek() else {
            throw error("expected a query, a literal or a function call, found end of query")
        }
        switch scalar {
        case "@", "$":
            index += 1
            return .query(PathQuery(absolute: scalar == "$", segments: try parseSegments()))
        case "'", "\"":
            return .literal(.string(try parseStringLiteral()))
        case "-", "0"..."9":
            return .literal(try parseNumberLiteral())
        case "a"..."z":
            let start = index
            while let next = peek(), ("a"..."z").contains(next) || ("0"..."9").contains(next) || next == "_" {
                index += 1
            }
            var nameScalars = String.UnicodeScalarView()
            nameScalars.append(contentsOf: scalars[start..<index])
            let name = String(nameScalars)
            if peek() == "(" {
                return .function(try parseFunctionCall(name, at: start), name: name)
            }
            switch name {
            case "true": return .literal(.bool(true))
            case "false": return .literal(.bool(false))
            case "null": return .literal(.null)
            default:
                throw error(
                    "unknown name '\(name)' (expected true, false, null, or a function call)", at: start)
            }
        default:
            throw error("expected a query ('@' or '$'), a literal or a function call, found \(found())")
        }
    }

    /// number = (int / "-0") [ frac ] [ exp ]; frac = "." 1*DIGIT; exp = "e" [ "-" / "+" ] 1*DIGIT
    mutating func parseNumberLiteral() throws -> Value {
        let start = index
        _ = consume("-")
        guard let first = peek(), ("0"..."9").contains(first) else {
            throw error("expected a digit, found \(found())")
        }
        index += 1
        if first == "0", let next = peek(), ("0"..."9").contains(next) {
            throw error("leading zeros are not allowed in numbers", at: start)
        }
        while let next = peek(), ("0"..."9").contains(next) { index += 1 }
        var isInteger = true
        if consume(".") {
            isInteger = false
            guard let next = peek(), ("0"..."9").contains(next) else {
                throw error("expected a digit after '.', found \(found())")
            }
            while let next = peek(), ("0"..."9").contains(next) { index += 1 }
        }
        if peek() == "e" || peek() == "E" {
            isInteger = false
            index += 1
            if peek() == "+" || peek() == "-" { index += 1 }
            guard let next = peek(), ("0"..."9").contains(next) else {
                throw error("expected a digit in the exponent, found \(found())")
            }
            while let next = peek(), ("0"..."9").contains(next) { index += 1 }
        }
        var textScalars = String.UnicodeScalarView()
        textScalars.append(contentsOf: scalars[start..<index])
        let text = String(textScalars)
        if isInteger, let integer = Int(text) { return .int(integer) }
        guard let double = Double(text), double.isFinite else {
            throw error("number \(text) is out of range", at: start)
        }
        return .double(double)
    }

    /// function-expr = function-name "(" S [function-argument *(S "," S function-argument)] S ")"
    mutating func parseFunctionCall(_ name: String, at start: Int) throws -> FunctionCall {
        guard let function = PathFunction(rawValue: name) else {
            throw error("unknown function '\(name)' (known: length, count, match, search, value)", at: start)
        }
        index += 1  // '('
        skipBlanks()
        var raws: [RawExpression] = []
        if !consume(")") {
            while true {
                raws.append(try parseOr())
                skipBlanks()
                if consume(")") { break }
                guard consume(",") else {
                    throw error("expected ',' or ')' in the arguments of \(name)(), found \(found())")
                }
                skipBlanks()
            }
        }
        let parameters = function.parameters
        guard raws.count == parameters.count else {
            let expected = parameters.count == 1 ? "1 argument" : "\(parameters.count) arguments"
            throw error("\(name)() takes \(expected), got \(raws.count)", at: start)
        }
        var arguments: [FunctionArgument] = []
        for (raw, parameter) in zip(raws, parameters) {
            arguments.append(try toArgument(raw, parameter, function: name))
        }
        return FunctionCall(function: function, arguments: arguments)
    }
}
