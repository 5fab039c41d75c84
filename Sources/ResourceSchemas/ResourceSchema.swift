import JSONCore

/// A CloudFormation resource provider schema, with the parts the emulator uses parsed out.
public struct ResourceSchema: Sendable {
    /// `AWS::Service::Resource`.
    public let typeName: String
    /// The whole schema document; validation resolves `$ref`s against it.
    public let document: JSONValue
    /// Primary identifier paths in schema order; compound identifiers join their values with `|`.
    public let primaryIdentifier: [PropertyPath]
    public let readOnlyProperties: [PropertyPath]
    public let createOnlyProperties: [PropertyPath]
    public let writeOnlyProperties: [PropertyPath]
    /// Top-level required property names.
    public let required: [String]
    /// Top-level property names in schema order.
    public let propertyNames: [String]
    /// The provisioning operations the type's handlers implement (`create`, `read`, `update`,
    /// `delete`, `list`), or nil when the schema has no `handlers` section (a hand-written
    /// schema, or cfn-lint's copies, which strip it): then every operation is allowed.
    public let handlers: Set<String>?
    /// The ResourceModel keys a listing requires: `handlers.list.handlerSchema.required`
    /// (a child type is listed per parent, e.g. AWS::ApiGateway::Stage needs RestApiId).
    public let listRequiredKeys: [String]

    /// Reads the parts of a schema document. Throws `SchemaError` when `typeName` or
    /// `primaryIdentifier` is missing or malformed. `fromRegistry` says the document is as the
    /// registry publishes it, `handlers` included, so that a missing `handlers` section means
    /// the type has none (the 10 shipped types CloudFormation provisions without a resource
    /// provider, such as AWS::Route53::RecordSet) rather than that it was stripped.
    public init(document: JSONValue, source: String, fromRegistry: Bool = false) throws {
        guard case .object(let o) = document else {
            throw SchemaError(source: source, message: "a schema must be a JSON object")
        }
        guard let typeName = o["typeName"]?.stringValue, typeName.split(separator: ":").count == 3 else {
            throw SchemaError(source: source, message: "missing or malformed 'typeName'")
        }
        func paths(_ key: String) throws -> [PropertyPath] {
            guard let list = o[key] else { return [] }
            guard case .array(let items) = list else {
                throw SchemaError(source: source, message: "'\(key)' must be an array of JSON pointers")
            }
            return try items.map { item in
                guard let s = item.stringValue, let p = PropertyPath(schemaPointer: s) else {
                    throw SchemaError(
                        source: source, message: "'\(key)' holds an invalid property pointer \(item)")
                }
                return p
            }
        }
        self.typeName = typeName
        self.document = document
        self.primaryIdentifier = try paths("primaryIdentifier")
        guard !primaryIdentifier.isEmpty else {
            throw SchemaError(source: source, message: "\(typeName) has no 'primaryIdentifier'")
        }
        self.readOnlyProperties = try paths("readOnlyProperties")
        self.createOnlyProperties = try paths("createOnlyProperties")
        self.writeOnlyProperties = try paths("writeOnlyProperties")
        self.required = o["required"]?.arrayValue?.compactMap(\.stringValue) ?? []
        self.propertyNames = o["properties"]?.objectValue.map { Array($0.keys) } ?? []
        let handlers = o["handlers"]?.objectValue
        self.handlers = handlers.map { Set($0.keys) } ?? (fromRegistry ? [] : nil)
        self.listRequiredKeys =
            handlers?["list"]?["handlerSchema"]?["required"]?.arrayValue?.compactMap(\.stringValue) ?? []
    }

    /// True when the type has a handler for `operation` (lower-case, as in `handlers`), or
    /// declares no handlers at all.
    public func supports(_ operation: String) -> Bool {
        handlers?.contains(operation) ?? true
    }

    /// The schema of a top-level property, with a top-level `$ref` resolved.
    public func propertySchema(_ name: String) -> JSONValue? {
        guard let schema = document["properties"]?[name] else { return nil }
        if let ref = schema["$ref"]?.stringValue, ref.hasPrefix("#"),
            let pointer = try? JSONPointer(String(ref.dropFirst())),
            let target = pointer.resolve(in: document)
        {
            return target
        }
        return schema
    }

    /// True when top-level `name` is read-only.
    public func isReadOnly(_ name: String) -> Bool {
        readOnlyProperties.contains { $0.isTopLevel && $0.topLevel == name }
    }

    /// The identifier of `model`: the primary identifier values in schema order joined by `|`,
    /// or nil if one is missing. Non-string values use their JSON text.
    public func identifier(of model: JSONValue) -> String? {
        var parts: [String] = []
        for path in primaryIdentifier {
            guard let value = JSONPointer(tokens: path.tokens).resolve(in: model) else { return nil }
            switch value {
            case .string(let s): parts.append(s)
            case .null: return nil
            default: parts.append(value.description)
            }
        }
        return parts.joined(separator: "|")
    }

    /// The primary identifier values parsed from an identifier string, in schema order.
    /// Throws when the number of `|`-separated parts does not match.
    public func identifierValues(_ identifier: String) throws -> [(PropertyPath, String)] {
        // A single-property identifier is taken whole: its value may itself contain `|`.
        let parts =
            primaryIdentifier.count == 1
            ? [identifier]
            : identifier.split(separator: "|", omittingEmptySubsequences: false).map(String.init)
        guard parts.count == primaryIdentifier.count else {
            throw SchemaError(
                source: typeName,
                message:
                    "identifier '\(identifier)' has \(parts.count) part(s), \(typeName) expects \(primaryIdentifier.count) (\(primaryIdentifier.map { $0.tokens.joined(separator: "/") }.joined(separator: "|")))"
            )
        }
        return Array(zip(primaryIdentifier, parts))
    }

    /// `model` without its write-only properties, as the service returns it.
    public func withoutWriteOnly(_ model: JSONValue) -> JSONValue {
        writeOnlyProperties.reduce(model) { $1.removing(from: $0) }
    }
}
