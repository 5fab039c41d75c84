import JSONCore
import ResourceSchemas

/// Walks a resource schema down a path of property names (`[]` for an array's items),
/// following `$ref`s into `definitions`, for completion and hover inside nested maps.
enum SchemaNavigation {
    /// `node` with its `$ref` chain followed (at most 16 steps, so a cyclic `$ref` ends).
    static func resolved(_ node: JSONValue?, in document: JSONValue) -> JSONValue? {
        var current = node
        for _ in 0..<16 {
            guard let ref = current?["$ref"]?.stringValue else { return current }
            guard ref.hasPrefix("#"), let pointer = try? JSONPointer(String(ref.dropFirst())) else { return nil }
            current = pointer.resolve(in: document)
        }
        return nil
    }

    /// The schema of the value at `path` inside the properties map (nil when the path leaves
    /// what the schema describes).
    static func node(at path: [String], in schema: ResourceSchema) -> JSONValue? {
        let document = schema.document
        var current: JSONValue? = ["properties": document["properties"] ?? .object([:])]
        for step in path {
            let here = resolved(current, in: document)
            current = step == "[]" ? here?["items"] : here?["properties"]?[step]
            if current == nil { return nil }
        }
        return resolved(current, in: document)
    }

    /// The property names of the map at `path` with their schemas, in schema order.
    static func properties(at path: [String], in schema: ResourceSchema) -> [(name: String, schema: JSONValue)] {
        guard let members = node(at: path, in: schema)?["properties"]?.objectValue else { return [] }
        return members.map { ($0.key, resolved($0.value, in: schema.document) ?? $0.value) }
    }

    /// A property schema's type in words: `string`, `array of Tag`, `integer | string`, `object`.
    static func typeName(_ property: JSONValue?, in document: JSONValue) -> String {
        guard let property = resolved(property, in: document) else { return "unknown" }
        if let type = property["type"]?.stringValue {
            if type == "array", let items = resolved(property["items"], in: document) {
                return "array of " + typeName(items, in: document)
            }
            return type
        }
        if let types = property["type"]?.arrayValue { return types.compactMap(\.stringValue).joined(separator: " | ") }
        return "object"
    }
}
