import JSONCore
import ResourceSchemas

extension LocalCloudControl {
    /// A model to store, or the handler error the request will end with.
    struct Checked {
        var model: JSONValue
        var failure: (code: String, message: String)?
    }

    /// Message of the first few issues, `Model validation failed: #/A: ...; #/B: ...`.
    static func describe(_ issues: [ValidationIssue]) -> String {
        let shown = issues.prefix(5).map(\.description).joined(separator: "; ")
        let more = issues.count > 5 ? " (and \(issues.count - 5) more)" : ""
        return "Model validation failed: \(shown)\(more)"
    }

    /// A create's desired state: no read-only property may be given (the service refuses them),
    /// and the state must satisfy the schema once an omitted name has been generated.
    func checkCreate(_ desired: JSONValue, schema: ResourceSchema) -> Checked {
        var readOnly: [ValidationIssue] = []
        for path in schema.readOnlyProperties {
            for location in path.matches(in: desired) {
                readOnly.append(
                    ValidationIssue(path: location, message: "read-only property cannot be set (\(path))"))
            }
        }
        if !readOnly.isEmpty {
            return Checked(model: desired, failure: ("InvalidRequest", Self.describe(readOnly)))
        }
        let issues = validator.validate(desired, against: schema).filter {
            !Self.isReadOnlyRequired($0, schema)
        }
        if !issues.isEmpty {
            return Checked(model: desired, failure: ("InvalidRequest", Self.describe(issues)))
        }
        return Checked(model: desired, failure: nil)
    }

    /// An update: the patch must not touch read-only or create-only paths, must apply to the
    /// current model, and the result (read-only properties aside) must satisfy the schema.
    func checkUpdate(_ patch: JSONPatch, current: JSONValue, schema: ResourceSchema) -> Checked {
        for (index, operation) in patch.operations.enumerated() {
            var touched = [operation.path]
            if case .move(let from, _) = operation { touched.append(from) }
            for location in touched {
                if let path = schema.readOnlyProperties.first(where: { $0.overlaps(location) }) {
                    return Checked(
                        model: current,
                        failure: (
                            "InvalidRequest",
                            "patch operation \(index) (\(operation.name) \(location)): read-only property \(path) cannot be updated"
                        ))
                }
                if let path = schema.createOnlyProperties.first(where: { $0.overlaps(location) }) {
                    return Checked(
                        model: current,
                        failure: (
                            "NotUpdatable",
                            "patch operation \(index) (\(operation.name) \(location)): create-only property \(path) cannot be updated"
                        ))
                }
                if location.tokens.isEmpty {
                    return Checked(
                        model: current,
                        failure: (
                            "InvalidRequest",
                            "patch operation \(index) (\(operation.name)): the whole model cannot be replaced"
                        ))
                }
            }
        }
        let patched: JSONValue
        do {
            patched = try patch.apply(to: current)
        } catch let e as JSONPatchError {
            return Checked(model: current, failure: ("InvalidRequest", e.description))
        } catch {
            return Checked(model: current, failure: ("InvalidRequest", "\(error)"))
        }
        let writable = schema.readOnlyProperties.reduce(patched) { $1.removing(from: $0) }
        let issues = validator.validate(writable, against: schema).filter {
            !Self.isReadOnlyRequired($0, schema)
        }
        if !issues.isEmpty {
            return Checked(model: current, failure: ("InvalidRequest", Self.describe(issues)))
        }
        // A primary identifier is how the resource is found; even where the schema does not
        // mark it create-only, an update may not change it.
        if schema.identifier(of: patched) != schema.identifier(of: current) {
            return Checked(
                model: current,
                failure: (
                    "NotUpdatable",
                    "the patch changes the primary identifier (\(schema.primaryIdentifier.map(\.description).joined(separator: ", ")))"
                ))
        }
        return Checked(model: patched, failure: nil)
    }

    /// A compound identifier joins its parts with `|` (Cloud Control user guide, "Identifying
    /// resources"), and Get, Update and Delete split it there, so a part that itself contains
    /// `|` names a resource no later call could find: refused at create, before anything is
    /// stored (issue 16, F10). A single-part identifier is taken whole and may contain `|`.
    func checkIdentifierParts(_ model: JSONValue, schema: ResourceSchema) throws {
        guard schema.primaryIdentifier.count > 1 else { return }
        for path in schema.primaryIdentifier {
            guard let value = JSONPointer(tokens: path.tokens).resolve(in: model) else { continue }
            let text: String
            switch value {
            case .string(let string): text = string
            case .null: continue
            default: text = value.description
            }
            guard text.contains("|") else { continue }
            let parts = schema.primaryIdentifier.map { $0.tokens.joined(separator: "/") }.joined(
                separator: "|")
            throw LocalError.invalidRequest(
                "\(path) '\(text)' contains '|', the separator of \(schema.typeName)'s compound identifier (\(parts)): a resource with it could not be read, updated or deleted by its identifier"
            )
        }
    }

    /// A `required` issue about a read-only property, which the service itself supplies.
    static func isReadOnlyRequired(_ issue: ValidationIssue, _ schema: ResourceSchema) -> Bool {
        guard issue.path.tokens.isEmpty, issue.message.hasPrefix("required property '") else { return false }
        return schema.readOnlyProperties.contains {
            $0.isTopLevel && issue.message == "required property '\($0.topLevel)' is missing"
        }
    }
}
