/// The well-typedness rules of RFC 9535 §2.4.3, applied where an expression is used.
extension JSONPathParser {
    /// A test-expr or a logical expression: literals cannot stand alone, ValueType functions
    /// must be compared.
    func toLogical(_ raw: RawExpression) throws -> LogicalExpression {
        switch raw {
        case .logical(let expression, _):
            return expression
        case .primary(.query(let query), _):
            return .exists(query)
        case .primary(.function(let call, let name), let at):
            guard call.function.result != .value else {
                throw error(
                    "\(name)() returns a value, which cannot be a test by itself; compare it (e.g. \(name)(...) > 0)",
                    at: at)
            }
            return .function(call)
        case .primary(.literal, let at):
            throw error("a literal cannot be a test by itself; compare it with something", at: at)
        }
    }

    /// comparable = literal / singular-query / function-expr (ValueType only)
    func toComparable(_ raw: RawPrimary, at: Int) throws -> Comparable {
        switch raw {
        case .literal(let value):
            return .literal(value)
        case .query(let query):
            guard query.singularSteps != nil else {
                throw error(
                    "a non-singular query cannot be compared (only name and index selectors, no '..', '*', slices or filters)",
                    at: at)
            }
            return .query(query)
        case .function(let call, let name):
            guard call.function.result == .value else {
                throw error(
                    "\(name)() returns \(call.function.result.rawValue), which cannot be compared", at: at)
            }
            return .function(call)
        }
    }

    func toArgument(_ raw: RawExpression, _ parameter: FunctionParameter, function: String) throws
        -> FunctionArgument
    {
        switch (parameter, raw) {
        case (.value, .primary(let primary, let at)):
            do {
                return .value(try toComparable(primary, at: at))
            } catch let typeError as JSONPathSyntaxError {
                throw JSONPathSyntaxError(
                    message: "argument of \(function)(): " + typeError.message, offset: typeError.offset)
            }
        case (.value, .logical(_, let at)):
            throw error("\(function)() expects a value here, not a logical expression", at: at)
        case (.nodes, .primary(.query(let query), _)):
            return .nodes(query)
        case (.nodes, .primary(.function(let call, _), let at)):
            throw error(
                "\(function)() expects a query here, not a function returning \(call.function.result.rawValue)",
                at: at)
        case (.nodes, .primary(.literal, let at)), (.nodes, .logical(_, let at)):
            throw error("\(function)() expects a query (a node list) here", at: at)
        }
    }
}
