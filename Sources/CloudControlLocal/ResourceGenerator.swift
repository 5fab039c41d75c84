import JSONCore
import ResourceSchemas

/// Fills in what the service generates on create: a name when the type's name property is
/// optional and omitted (as CloudFormation does), and the top-level read-only properties
/// (Arn in the real format for the common types, ids such as `vpc-` + 17 hex digits, URLs,
/// and a plausible generic form otherwise).
struct ResourceGenerator {
    var region: String
    var account: String

    /// Context handed to the per-type generators.
    struct Context {
        var region: String
        var account: String
        var model: JSONObject
        var random: SeededRandom
        /// The resource's name: the generated or given name property, if the type has one.
        var name: String

        func string(_ key: String) -> String? { model[key]?.stringValue }
        /// `arn:aws:SERVICE:REGION:ACCOUNT:RESOURCE`; global services (IAM) have no region.
        func arn(_ service: String, _ resource: String, regional: Bool = true) -> String {
            "arn:aws:\(service):\(regional ? region : ""):\(account):\(resource)"
        }
    }

    /// Returns `model` with a generated name (if needed) and every top-level read-only
    /// property the caller did not (and may not) give.
    func generate(for schema: ResourceSchema, model: JSONValue, random: inout SeededRandom) -> JSONValue {
        guard case .object(var o) = model else { return model }
        let resource = String(schema.typeName.split(separator: ":").last ?? "")
        var name = ""
        if let nameProperty = Self.nameProperty(of: schema) {
            if let given = o[nameProperty]?.stringValue {
                name = given
            } else if !schema.isReadOnly(nameProperty) {
                name = Self.generatedName(resource, schema: schema, property: nameProperty, random: &random)
                o[nameProperty] = .string(name)
            }
        }
        var context = Context(region: region, account: account, model: o, random: random, name: name)
        if let known = Self.knownTypes[schema.typeName] {
            for (key, value) in known(&context) where schema.propertyNames.contains(key) {
                context.model[key] = value
            }
        }
        for path in schema.readOnlyProperties where path.isTopLevel && context.model[path.topLevel] == nil {
            context.model[path.topLevel] = Self.generic(
                path.topLevel, schema: schema, resource: resource, context: &context)
        }
        random = context.random
        return .object(context.model)
    }

    /// The property that names a resource: a single writable primary identifier that is a
    /// string, else `<Resource>Name` or `Name` when the schema has it.
    static func nameProperty(of schema: ResourceSchema) -> String? {
        let resource = String(schema.typeName.split(separator: ":").last ?? "")
        let identifiers = schema.primaryIdentifier.filter(\.isTopLevel).map(\.topLevel)
        for candidate in identifiers.reversed()
        where !schema.isReadOnly(candidate) && candidate.hasSuffix("Name") {
            if schema.propertySchema(candidate)?["type"]?.stringValue == "string" { return candidate }
        }
        for candidate in [resource + "Name", "Name", "Family", "GroupName"]
        where schema.propertyNames.contains(candidate) {
            return candidate
        }
        return nil
    }

    /// A CloudFormation-style physical name, lower case so it also suits S3 buckets, cut to
    /// the property's maxLength.
    static func generatedName(
        _ resource: String, schema: ResourceSchema, property: String, random: inout SeededRandom
    ) -> String {
        var name =
            "ccs-\(resource.lowercased())-\(random.string(12, from: "abcdefghijklmnopqrstuvwxyz0123456789"))"
        if let max = schema.propertySchema(property)?["maxLength"]?.intValue, name.count > max {
            name = String(name.suffix(max))
        }
        return name
    }

    /// The fallback for read-only properties no per-type rule covers, shaped by the name and
    /// the property's schema type.
    static func generic(_ key: String, schema: ResourceSchema, resource: String, context: inout Context)
        -> JSONValue
    {
        let service = String(schema.typeName.split(separator: ":").dropFirst().first ?? "").lowercased()
        let type = schema.propertySchema(key)?["type"]
        switch type?.stringValue ?? type?.arrayValue?.first?.stringValue ?? "string" {
        case "array": return .array([])
        case "object": return .object([:])
        case "integer", "number": return .int(0)
        case "boolean": return .bool(false)
        default: break
        }
        let id = context.name.isEmpty ? context.random.hex(17) : context.name
        if key.hasSuffix("Arn") {
            return .string(context.arn(service, "\(resource.lowercased())/\(id)"))
        }
        if key.hasSuffix("Id") || key == "Id" {
            return .string("\(resource.lowercased().prefix(4))-\(context.random.hex(17))")
        }
        if key.hasSuffix("Url") || key.hasSuffix("URL") || key.hasSuffix("Uri") {
            return .string("https://\(service).\(context.region).amazonaws.com/\(context.account)/\(id)")
        }
        return .string(context.random.string(20, from: "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"))
    }
}
