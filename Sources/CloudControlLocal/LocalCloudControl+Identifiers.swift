import JSONCore
import ResourceSchemas

extension ResourceSchema {
    /// The secondary identifiers, `additionalIdentifiers`: each a set of property paths that,
    /// given together as a JSON identifier, name one resource as the primary identifier does.
    var additionalIdentifiers: [[PropertyPath]] {
        (document["additionalIdentifiers"]?.arrayValue ?? []).compactMap { set in
            let paths = (set.arrayValue ?? []).compactMap { $0.stringValue.flatMap(PropertyPath.init(schemaPointer:)) }
            return paths.isEmpty ? nil : paths
        }
    }
}

extension LocalCloudControl {
    /// The text an identifier part is compared by: a string as itself, other JSON as its text
    /// (as `ResourceSchema.identifier(of:)` joins them).
    private static func identifierText(_ value: JSONValue) -> String? {
        switch value {
        case .string(let s): return s
        case .null: return nil
        default: return value.description
        }
    }

    /// The key a path takes in a JSON identifier: its property name (`/properties/A/B` as `A/B`).
    private static func identifierKey(_ path: PropertyPath) -> String { path.tokens.joined(separator: "/") }

    /// Finds the stored resource an identifier names. Besides the primary identifier as a
    /// string (parts joined by `|` in schema order), the service accepts it as a JSON object in
    /// any key order, and a secondary identifier (`additionalIdentifiers`) only as a JSON object
    /// (Cloud Control user guide, "Identifying resources": "Primary identifiers can be specified
    /// as a string or JSON; secondary identifiers must be specified as JSON"). Returns nil when
    /// nothing matches; an object naming neither is an InvalidRequestException.
    func lookUp(_ schema: ResourceSchema, _ identifier: String, in partition: AccountRegion) throws
        -> LocalStore.StoredResource?
    {
        guard identifier.hasPrefix("{"), case .object(let keys)? = try? JSONParser.parse(identifier) else {
            do {
                _ = try schema.identifierValues(identifier)
            } catch let e as SchemaError {
                throw LocalError.invalidRequest(e.message)
            }
            return try store.resource(typeName: schema.typeName, identifier: identifier, in: partition)
        }
        let given = Set(keys.keys)
        var values: [String: String] = [:]
        for (key, value) in keys {
            guard let text = Self.identifierText(value) else {
                throw LocalError.invalidRequest("identifier key \(key) has no value")
            }
            values[key] = text
        }
        if given == Set(schema.primaryIdentifier.map(Self.identifierKey)) {
            let joined = schema.primaryIdentifier.map { values[Self.identifierKey($0)] ?? "" }.joined(separator: "|")
            return try store.resource(typeName: schema.typeName, identifier: joined, in: partition)
        }
        guard let secondary = schema.additionalIdentifiers.first(where: { Set($0.map(Self.identifierKey)) == given })
        else {
            let sets = ([schema.primaryIdentifier] + schema.additionalIdentifiers).map {
                "{" + $0.map(Self.identifierKey).joined(separator: ", ") + "}"
            }
            throw LocalError.invalidRequest(
                "identifier \(identifier) names neither the primary nor a secondary identifier of \(schema.typeName): expected the keys of one of \(sets.joined(separator: ", "))"
            )
        }
        // A secondary identifier is looked up by the resource's own values; resources are
        // scanned in creation order, a page at a time.
        var after: Int64 = 0
        while true {
            let batch = try store.resources(typeName: schema.typeName, after: after, limit: 200, in: partition)
            guard let last = batch.last else { return nil }
            for stored in batch {
                let matches = secondary.allSatisfy { path in
                    JSONPointer(tokens: path.tokens).resolve(in: stored.model).flatMap(Self.identifierText)
                        == values[Self.identifierKey(path)]
                }
                if matches { return stored }
            }
            after = last.seq
        }
    }
}
