/// The JSONPath accessor: ``x.`$.Tags[*].Key` `` is `query(x, "$.Tags[*].Key")` (the list of
/// selected nodes), except that a singular query (only names and indexes, RFC 9535 §2.3.5.1
/// "singular query"), such as ``x.`Tags[0].Value` ``, gives the node itself or null.
/// ``x?.`path` `` always gives the first node or null (`query1`).
/// A path not starting with `$` is relative to x: `` `a.b` `` means `$.a.b` and
/// `` `[0]` `` means `$[0]`. The path is compiled once, when the script is parsed, so a bad
/// path is a syntax error pointing into the literal.
final class PathExpr: Expr {
    let object: Expr
    let query: JSONPathQuery
    let first: Bool
    let singular: Bool
    init(_ object: Expr, _ query: JSONPathQuery, first: Bool, at location: SourceLocation) {
        self.object = object
        self.query = query
        self.first = first
        self.singular = query.isSingular
        super.init(location)
    }
    override var kind: ExprKind { .pathExpr(self) }
    override func eval(_ it: Interpreter) throws -> Value {
        let root = try it.queryRoot(try object.eval(it))
        let nodes = query.evaluate(root)
        if first || singular { return nodes.first ?? .null }
        return .list(ListBox(nodes))
    }
}

extension Parser {
    /// Builds a PathExpr, reporting an invalid path at the offending character.
    mutating func makePath(_ object: Expr, _ text: String, first: Bool, at location: SourceLocation) throws -> Expr {
        let prefix: String
        if text.hasPrefix("$") {
            prefix = ""
        } else if text.hasPrefix("[") {
            prefix = "$"
        } else {
            prefix = "$."
        }
        do {
            return PathExpr(object, try JSONPathQuery(prefix + text), first: first, at: location)
        } catch let failure as JSONPathSyntaxError {
            // +1 for the opening backtick; the prefix we added is not in the source.
            let column = location.column + 1 + Swift.max(0, failure.offset - prefix.count)
            let offset = location.offset + 1 + Swift.max(0, failure.offset - prefix.count)
            throw fail("invalid JSONPath: \(failure.message)",
                       at: SourceLocation(line: location.line, column: column, offset: offset))
        } catch {
            throw fail("invalid JSONPath near '`\(text)`'", at: location)
        }
    }
}
