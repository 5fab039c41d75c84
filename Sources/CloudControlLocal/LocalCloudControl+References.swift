import JSONCore
import ResourceSchemas

extension LocalCloudControl {
    /// The references of a type (`ResourceReference.references(of:)`), computed once per type.
    func references(of schema: ResourceSchema) -> [ResourceReference] {
        if let known = referenceCache[schema.typeName] { return known }
        let found = ResourceReference.references(of: schema)
        referenceCache[schema.typeName] = found
        return found
    }

    /// Why a create or update whose model names a missing resource fails, as the real handlers
    /// fail it: asynchronously, ErrorCode NotFound (EC2's "InvalidVpcID.NotFound: The vpc ID
    /// 'vpc-…' does not exist", hashicorp/terraform#25910). Checked when the request completes,
    /// so a parent created just before its child, still in progress, counts. Nil when every
    /// reference resolves or `configuration.references` is off.
    func missingReference(_ model: JSONValue, typeName: String, in partition: AccountRegion) throws -> String? {
        guard configuration.references, let schema = try? registry.schema(for: typeName) else { return nil }
        for reference in references(of: schema) {
            // A schema default names what the service provides itself (ECS's `default` cluster,
            // made on first use).
            let preset = schema.propertySchema(reference.property)?["default"]?.stringValue
            for value in reference.values(in: model) where value != preset {
                var found = false
                for target in reference.targets where !found {
                    found = try store.hasResource(
                        typeName: target.typeName, property: target.property, equalTo: [value], in: partition)
                }
                if !found {
                    let kinds = reference.targets.map(\.typeName).uniqued().joined(separator: " or ")
                    return "\(reference.property) '\(value)': no \(kinds) with that identifier exists in \(partition.account) \(partition.region)."
                }
            }
        }
        return nil
    }

    /// The stored resources that refer to `model` (of `typeName`), found among the types that
    /// have resources in `partition`: (type, identifier, referring property).
    func dependents(of typeName: String, model: JSONValue, in partition: AccountRegion) throws
        -> [(typeName: String, identifier: String, property: String)]
    {
        var found: [(typeName: String, identifier: String, property: String)] = []
        for sourceType in try store.typeNames(in: partition) {
            guard let schema = try? registry.schema(for: sourceType) else { continue }
            for reference in references(of: schema) {
                let values = reference.targets.filter { $0.typeName == typeName }.compactMap {
                    model[$0.property]?.stringValue
                }
                guard !values.isEmpty else { continue }
                for identifier in try store.identifiers(
                    typeName: sourceType, referring: reference.property, isList: reference.isList, to: values,
                    in: partition)
                {
                    found.append((sourceType, identifier, reference.property))
                }
            }
        }
        return found
    }

    /// Before a delete completes: a resource others still refer to is not deleted (ErrorCode
    /// ResourceConflict, EC2's "DependencyViolation: The vpc 'vpc-…' has dependencies and cannot
    /// be deleted.", gruntwork-io/cloud-nuke#252), except a parent that takes its children with
    /// it (`ResourceReference.cascadingParents`), whose dependents are deleted too. Returns the
    /// failure message, or nil once the delete may go ahead.
    func clearDependents(of typeName: String, identifier: String, model: JSONValue, in partition: AccountRegion)
        throws -> String?
    {
        guard configuration.references else { return nil }
        let direct = try dependents(of: typeName, model: model, in: partition)
        guard !direct.isEmpty else { return nil }
        guard ResourceReference.cascadingParents.contains(typeName) else {
            let first = direct[0]
            let more = direct.count > 1 ? " (and \(direct.count - 1) more)" : ""
            return "Resource of type '\(typeName)' with identifier '\(identifier)' has dependencies and cannot be deleted: \(first.typeName) '\(first.identifier)' refers to it by \(first.property)\(more)."
        }
        // Children go with the parent, and theirs with them (a listener's rules with its load
        // balancer); the work list is bounded by what is stored.
        var work = direct
        var removed = Set<String>()
        while let next = work.popLast() {
            let key = next.typeName + "\n" + next.identifier
            guard !removed.contains(key),
                let stored = try store.resource(typeName: next.typeName, identifier: next.identifier, in: partition)
            else { continue }
            removed.insert(key)
            try store.deleteResource(typeName: next.typeName, identifier: next.identifier, in: partition)
            if ResourceReference.cascadingParents.contains(next.typeName) {
                work += try dependents(of: next.typeName, model: stored.model, in: partition)
            }
        }
        return nil
    }
}

extension Array where Element: Hashable {
    /// The elements in order, each once.
    func uniqued() -> [Element] {
        var seen = Set<Element>()
        return filter { seen.insert($0).inserted }
    }
}
