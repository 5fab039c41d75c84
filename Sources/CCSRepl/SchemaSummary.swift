import JSONCore
import CCSLanguage

/// What `:schema` and property completion need from a CloudFormation resource schema (the
/// map `schema(type)` returns): the properties in order with a short type description, and
/// which are required, read-only, create-only and write-only. The `*Properties` lists hold
/// JSON Pointers such as `/properties/Arn`; only top-level properties are marked.
struct SchemaSummary {
    struct Property {
        let name: String
        let type: String
    }

    var typeName = ""
    var description = ""
    var properties: [Property] = []
    var primaryIdentifier: [String] = []
    var required: Set<String> = []
    var readOnly: Set<String> = []
    var createOnly: Set<String> = []
    var writeOnly: Set<String> = []

    init(schema: Value) {
        guard case .map(let box) = schema else { return }
        let entries = box.entries
        if case .string(let name)? = entries["typeName"] { typeName = name }
        if case .string(let text)? = entries["description"] { description = text }
        if case .map(let properties)? = entries["properties"] {
            for (name, definition) in properties.entries {
                appendProperty(name, definition)
            }
        }
        required = Set(SchemaSummary.names(entries["required"]))
        readOnly = Set(SchemaSummary.names(entries["readOnlyProperties"]))
        createOnly = Set(SchemaSummary.names(entries["createOnlyProperties"]))
        writeOnly = Set(SchemaSummary.names(entries["writeOnlyProperties"]))
        primaryIdentifier = SchemaSummary.names(entries["primaryIdentifier"])
    }

    /// The summary with its text made safe for a terminal (`TerminalText.escaped`).
    var escaped: SchemaSummary {
        func clean(_ text: String) -> String { TerminalText.escaped(text, keepingLayout: false) }
        var copy = self
        copy.typeName = clean(typeName)
        copy.description = TerminalText.escaped(description)
        copy.properties = properties.map { Property(name: clean($0.name), type: clean($0.type)) }
        copy.primaryIdentifier = primaryIdentifier.map(clean)
        copy.required = Set(required.map(clean))
        copy.readOnly = Set(readOnly.map(clean))
        copy.createOnly = Set(createOnly.map(clean))
        copy.writeOnly = Set(writeOnly.map(clean))
        return copy
    }

    private mutating func appendProperty(_ name: String, _ definition: Value) {
        properties.append(Property(name: name, type: SchemaSummary.describe(definition)))
    }

    /// Top-level property names from a list of names or `/properties/Name[/...]` pointers.
    static func names(_ value: Value?) -> [String] {
        guard case .list(let box)? = value else { return [] }
        var names: [String] = []
        for case .string(let entry) in box.items {
            if entry.hasPrefix("/properties/") {
                let rest = entry.dropFirst("/properties/".count)
                names.append(String(rest.split(separator: "/", maxSplits: 1).first ?? rest))
            } else {
                names.append(entry)
            }
        }
        return names
    }

    /// A member of a map value, nil for anything else.
    static func member(_ value: Value?, _ name: String) -> Value? {
        guard case .map(let box)? = value else { return nil }
        return box.entries[name]
    }

    /// A schema node with its `$ref`s to `#/definitions/NAME` followed (at most 16, so a
    /// cycle of references ends).
    static func resolve(_ node: Value?, in schema: Value) -> Value? {
        var node = node
        for _ in 0..<16 {
            guard case .string(let ref)? = member(node, "$ref"), ref.hasPrefix("#/definitions/") else { return node }
            node = member(member(schema, "definitions"), String(ref.dropFirst("#/definitions/".count)))
        }
        return node
    }

    /// "string", "integer", "array of Tag", "Tag"...: the definition's `type`, or the last
    /// part of its `$ref`.
    static func describe(_ definition: Value) -> String {
        guard case .map(let box) = definition else { return "" }
        let entries = box.entries
        if case .string(let ref)? = entries["$ref"] {
            return String(ref.split(separator: "/").last ?? Substring(ref))
        }
        var type = ""
        switch entries["type"] {
        case .string(let name)?: type = name
        case .list(let box)?:
            type = box.items.compactMap { if case .string(let s) = $0 { return s } else { return nil } }
                .joined(separator: "|")
        default: break
        }
        if type == "array", let items = entries["items"] {
            let inner = describe(items)
            return inner.isEmpty ? "array" : "array of \(inner)"
        }
        return type
    }
}
