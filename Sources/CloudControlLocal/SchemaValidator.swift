import JSONCore
import ResourceSchemas

/// Validates resource models against their registry schema (JSON Schema draft-07 as the
/// CloudFormation registry uses it): `type`, `enum`, `const`, `pattern`, `minLength`,
/// `maxLength`, `minimum`, `maximum`, `exclusiveMinimum`, `exclusiveMaximum`, `multipleOf`,
/// `items` (schema or tuple), `prefixItems`, `minItems`, `maxItems`, `uniqueItems`,
/// `properties`, `patternProperties`, `additionalProperties`, `required`, `minProperties`,
/// `maxProperties`, `dependentRequired`, `$ref` (local), `allOf`, `anyOf`, `oneOf`, `not`,
/// `if`/`then`/`else`. Annotations (`format`, `insertionOrder`, `tagging`, ...) are ignored,
/// as the service does not enforce them either. Safe to use from several threads.
public final class SchemaValidator: Sendable {
    let regex = ECMARegex()
    /// `$ref` chains and nesting deeper than this are reported instead of followed.
    static let maxDepth = 128

    public init() {}

    /// Every issue of `model` against the schema of its type, in document order.
    public func validate(_ model: JSONValue, against schema: ResourceSchema) -> [ValidationIssue] {
        var issues: [ValidationIssue] = []
        check(model, schema.document, root: schema.document, at: .root, depth: 0, into: &issues)
        return issues
    }

    /// Every issue of `value` against an arbitrary subschema whose `$ref`s resolve in `root`.
    public func validate(_ value: JSONValue, subschema: JSONValue, root: JSONValue) -> [ValidationIssue] {
        var issues: [ValidationIssue] = []
        check(value, subschema, root: root, at: .root, depth: 0, into: &issues)
        return issues
    }

    func check(
        _ value: JSONValue, _ schema: JSONValue, root: JSONValue, at path: JSONPointer, depth: Int,
        into issues: inout [ValidationIssue]
    ) {
        guard case .object(let s) = schema else {
            // `true` accepts everything, `false` nothing (draft-06 boolean schemas).
            if schema == .bool(false) {
                issues.append(ValidationIssue(path: path, message: "no value is allowed here"))
            }
            return
        }
        guard depth < Self.maxDepth else {
            issues.append(
                ValidationIssue(path: path, message: "schema nesting deeper than \(Self.maxDepth) levels"))
            return
        }
        if let ref = s["$ref"]?.stringValue {
            guard ref.hasPrefix("#"), let pointer = try? JSONPointer(String(ref.dropFirst())),
                let target = pointer.resolve(in: root)
            else {
                issues.append(
                    ValidationIssue(path: path, message: "schema error: cannot resolve $ref '\(ref)'"))
                return
            }
            check(value, target, root: root, at: path, depth: depth + 1, into: &issues)
        }
        if let types = s["type"], !Self.matchesType(value, types) {
            let expected =
                types.arrayValue?.compactMap(\.stringValue).joined(separator: " or ") ?? types.stringValue
                ?? "?"
            issues.append(ValidationIssue(path: path, message: "expected \(expected), got \(value.typeName)"))
            return
        }
        if let options = s["enum"]?.arrayValue, !options.contains(value) {
            let list = options.prefix(12).map(\.description).joined(separator: ", ")
            let more = options.count > 12 ? ", ..." : ""
            issues.append(
                ValidationIssue(
                    path: path, message: "\(value) is not one of the allowed values [\(list)\(more)]"))
        }
        if let constant = s["const"], constant != value {
            issues.append(ValidationIssue(path: path, message: "must be \(constant), got \(value)"))
        }
        switch value {
        case .string(let string): checkString(string, s, at: path, into: &issues)
        case .int, .double: checkNumber(value, s, at: path, into: &issues)
        case .array(let array): checkArray(array, s, root: root, at: path, depth: depth, into: &issues)
        case .object(let object): checkObject(object, s, root: root, at: path, depth: depth, into: &issues)
        default: break
        }
        checkCombinators(value, s, root: root, at: path, depth: depth, into: &issues)
    }

    /// JSON Schema types; `integer` accepts any number with no fractional part.
    static func matchesType(_ value: JSONValue, _ types: JSONValue) -> Bool {
        let names = types.arrayValue?.compactMap(\.stringValue) ?? [types.stringValue ?? ""]
        return names.contains { name in
            switch (name, value) {
            case ("null", .null), ("boolean", .bool), ("string", .string), ("array", .array),
                ("object", .object):
                return true
            case ("number", .int), ("number", .double), ("integer", .int):
                return true
            case ("integer", .double(let d)):
                return d.isFinite && d.rounded() == d
            default:
                return false
            }
        }
    }
}
