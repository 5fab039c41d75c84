/// An RFC 9535 JSONPath query, parsed and type-checked once, applied to any number of
/// values. See docs/JSONPATH.md for the dialect (it is RFC 9535 exactly).
///
/// ```swift
/// let query = try JSONPathQuery("$.Tags[?@.Key == 'team'].Value")
/// let values = query.evaluate(properties)
/// ```
public struct JSONPathQuery {
    /// The query text as given.
    public let text: String
    let query: PathQuery

    /// Parses a query. Throws `JSONPathSyntaxError` for invalid syntax and for expressions
    /// that are not well-typed (RFC 9535 §2.4.3), with the offset of the offending character.
    public init(_ text: String) throws {
        var parser = JSONPathParser(text)
        self.text = text
        self.query = try parser.parseQuery()
    }

    /// True when the query can select at most one node (only name and index selectors).
    public var isSingular: Bool { query.singularSteps != nil }

    /// The values of the selected nodes, in the order RFC 9535 specifies.
    public func evaluate(_ root: Value) -> [Value] {
        let root = JSONPathEvaluator.resolved(root)
        let evaluator = JSONPathEvaluator(root: root)
        if let steps = query.singularSteps, steps.isEmpty == false {
            return evaluator.singular(query, current: root).map { [$0] } ?? []
        }
        return evaluator.select(query, from: PlainNode(value: root)).map(\.value)
    }

    /// The value of the first selected node, or nil when nothing is selected (`query1`, and
    /// the path accessor of a singular query). A singular query is walked directly, without
    /// building a node list.
    public func first(_ root: Value) -> Value? {
        let root = JSONPathEvaluator.resolved(root)
        let evaluator = JSONPathEvaluator(root: root)
        if query.singularSteps != nil {
            return evaluator.singular(query, current: root)
        }
        return evaluator.select(query, from: PlainNode(value: root)).first?.value
    }

    /// The selected nodes with their normalized paths (RFC 9535 §2.7), e.g. `$['a'][0]`.
    public func evaluateWithPaths(_ root: Value) -> [JSONPathNode] {
        let root = JSONPathEvaluator.resolved(root)
        let evaluator = JSONPathEvaluator(root: root)
        return evaluator.select(query, from: LocatedNode(value: root, location: nil)).map {
            JSONPathNode(path: $0.normalizedPath, value: $0.value)
        }
    }
}
