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

    /// The service's synchronous refusal of a model that breaks the schema, worded as it
    /// words it (pulumi-aws-native#581: "Model validation failed (#/AccessPolicyResource/Portal:
    /// extraneous key [Id] is not permitted\n    #/AccessPolicyIdentity/IamUser: extraneous key
    /// [Arn] is not permitted)"; #906: "Model validation failed (#: required key [Code] not
    /// found)"), up to ten findings.
    static func validationError(_ issues: [ValidationIssue]) -> LocalError {
        var shown = issues.prefix(10).map(\.description)
        if issues.count > 10 { shown.append("(and \(issues.count - 10) more)") }
        return LocalError(
            "ValidationException", "Model validation failed (\(shown.joined(separator: "\n    ")))")
    }

    /// A create's desired state: it must satisfy the schema (else a synchronous
    /// ValidationException, as the service answers), and no read-only property may be given
    /// (the request then FAILs with InvalidRequest).
    func checkCreate(_ desired: JSONValue, schema: ResourceSchema) throws -> Checked {
        let issues = validator.validate(desired, against: schema).filter {
            !Self.isReadOnlyRequired($0, schema)
        }
        if !issues.isEmpty { throw Self.validationError(issues) }
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
        return Checked(model: desired, failure: nil)
    }

    /// An update: a patch touching create-only paths is refused at once with
    /// NotUpdatableException naming them all ("Invalid patch update: createOnlyProperties
    /// [/properties/KubernetesNetworkConfig/IpFamily] cannot be updated", pulumi-aws-native#2936,
    /// #1720; terraform-provider-awscc#1928, #2138), and a patched model that breaks the schema
    /// with ValidationException; read-only paths, a patch that does not apply and a changed
    /// primary identifier FAIL the request.
    func checkUpdate(_ patch: JSONPatch, current: JSONValue, schema: ResourceSchema) throws -> Checked {
        var createOnly: [PropertyPath] = []
        for operation in patch.operations {
            var touched = [operation.path]
            if case .move(let from, _) = operation { touched.append(from) }
            for location in touched {
                for path in schema.createOnlyProperties where path.overlaps(location) && !createOnly.contains(path) {
                    createOnly.append(path)
                }
            }
        }
        if !createOnly.isEmpty {
            throw LocalError(
                "NotUpdatableException",
                "Invalid patch update: createOnlyProperties [\(createOnly.map(\.description).joined(separator: ", "))] cannot be updated"
            )
        }
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
        if !issues.isEmpty { throw Self.validationError(issues) }
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
        guard issue.path.tokens.isEmpty, issue.message.hasPrefix("required key [") else { return false }
        return schema.readOnlyProperties.contains {
            $0.isTopLevel && issue.message == "required key [\($0.topLevel)] not found"
        }
    }
}
