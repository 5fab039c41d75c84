import JSONCore
import ResourceSchemas

/// The questions the built-ins ask of a resource type's schema: which model locations are
/// read-only or create-only, which arrays are unordered (`insertionOrder: false`), and how a
/// compound identifier is ordered. Paths are JSON Pointer tokens relative to the resource's
/// Properties (`["Tags", "0", "Key"]`).
struct ResourceSchemaView {
    let schema: ResourceSchema

    init(_ schema: ResourceSchema) {
        self.schema = schema
    }

    /// True when a schema path (which may hold `*` for any array element) is a prefix of, or
    /// equal to, `tokens`: the location lies at or inside that property.
    static func covers(_ path: PropertyPath, _ tokens: [String]) -> Bool {
        guard path.tokens.count <= tokens.count else { return false }
        for (pattern, token) in zip(path.tokens, tokens) where pattern != token {
            if pattern == "*" && JSONPointer.arrayIndex(token) != nil { continue }
            return false
        }
        return true
    }

    /// True when `tokens` lies strictly above a schema path: changing it wholesale would
    /// also change that path.
    static func contains(_ tokens: [String], _ path: PropertyPath) -> Bool {
        guard tokens.count < path.tokens.count else { return false }
        for (token, pattern) in zip(tokens, path.tokens) where pattern != token {
            if pattern == "*" && JSONPointer.arrayIndex(token) != nil { continue }
            return false
        }
        return true
    }

    func isReadOnly(_ tokens: [String]) -> Bool {
        schema.readOnlyProperties.contains { Self.covers($0, tokens) }
    }

    func isCreateOnly(_ tokens: [String]) -> Bool {
        schema.createOnlyProperties.contains { Self.covers($0, tokens) }
    }

    /// Read-only or create-only paths strictly below `tokens`.
    func protectedDescendants(of tokens: [String]) -> [PropertyPath] {
        (schema.readOnlyProperties + schema.createOnlyProperties).filter { Self.contains(tokens, $0) }
    }

    /// The subschema describing the model location `tokens`, following `properties`, `items`
    /// and local `$ref`s; nil when the schema does not describe it.
    func node(at tokens: [String]) -> JSONValue? {
        guard let first = tokens.first, var node = schema.document["properties"]?[first] else { return nil }
        node = resolved(node)
        for token in tokens.dropFirst() {
            if let child = node["properties"]?[token] {
                node = resolved(child)
            } else if JSONPointer.arrayIndex(token) != nil || token == "*", let items = node["items"] {
                node = resolved(items)
            } else {
                return nil
            }
        }
        return node
    }

    /// True when the schema marks the array at `tokens` with `insertionOrder: false`: its
    /// order carries no meaning, so a changed array is replaced whole.
    func isUnordered(_ tokens: [String]) -> Bool {
        node(at: tokens)?["insertionOrder"]?.boolValue == false
    }

    private func resolved(_ node: JSONValue) -> JSONValue {
        var current = node
        // A bounded number of hops guards against a `$ref` cycle in a malformed schema.
        for _ in 0..<16 {
            guard let ref = current["$ref"]?.stringValue, ref.hasPrefix("#"),
                let pointer = try? JSONPointer(String(ref.dropFirst())),
                let target = pointer.resolve(in: schema.document)
            else { return current }
            current = target
        }
        return current
    }
}
