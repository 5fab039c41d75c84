import CloudControl
import Foundation
import JSONCore
import ResourceSchemas

/// Fills in what the service generates on create: a name when the type's name property is
/// optional and omitted (as CloudFormation does), the top-level read-only properties, and the
/// schema's `default`s for properties left out.
///
/// Read-only values come from, in order: a per-type rule (the formats of the common services:
/// `ResourceGenerator+KnownTypes.swift`, `+Conventions.swift`), a convention for the property's
/// name (EC2 ids as a prefix and 17 hex digits, addresses, DNS names, timestamps), a generic form
/// by name (ARNs, ids, URLs). Every value is then checked against the property's own schema
/// (`pattern`, `enum`, `format`, lengths, bounds) and, where it fails, drawn from the schema
/// instead (`PatternSampler` for patterns), so what a read returns validates as the service's
/// would.
struct ResourceGenerator {
    var region: String
    var account: String

    /// Shared so that compiled patterns are cached across creates.
    static let conformance = SchemaValidator()

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
        /// Now, in the ISO 8601 form the services return (`2026-12-03T15:04:05.000Z`).
        var timestamp: String {
            let c = CivilDate(epochSeconds: Int(Date().timeIntervalSince1970))
            func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
            return "\(c.year)-\(two(c.month))-\(two(c.day))T\(two(c.hour)):\(two(c.minute)):\(two(c.second)).000Z"
        }
    }

    /// Returns `model` with a generated name (if needed), every top-level read-only property
    /// the caller did not (and may not) give, and the schema defaults of omitted properties.
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
        for rules in [Self.knownTypes, Self.conventionTypes] {
            guard let rule = rules[schema.typeName] else { continue }
            for (key, value) in rule(&context) where schema.propertyNames.contains(key) {
                context.model[key] = Self.conforming(value, key, schema: schema, random: &context.random)
            }
        }
        for path in schema.readOnlyProperties where path.isTopLevel && context.model[path.topLevel] == nil {
            let key = path.topLevel
            let candidate =
                Self.conventional(key, typeName: schema.typeName, resource: resource, context: &context)
                ?? Self.generic(key, schema: schema, resource: resource, context: &context)
            context.model[key] = Self.conforming(candidate, key, schema: schema, random: &context.random)
        }
        Self.applyDefaults(schema, to: &context.model)
        // A writable part of a compound primary identifier left out (GuardDuty's DetectorId,
        // QuickSight's AwsAccountId, ApiGateway BasePathMapping's BasePath) is filled in by
        // the service from the account or its own naming; without it no identifier exists.
        for path in schema.primaryIdentifier
        where schema.primaryIdentifier.count > 1 && path.isTopLevel && context.model[path.topLevel] == nil
            && !schema.isReadOnly(path.topLevel)
        {
            let key = path.topLevel
            let candidate: JSONValue =
                key.hasSuffix("AccountId")
                ? .string(account)
                : .string(Self.generatedName(resource, schema: schema, property: key, random: &context.random))
            context.model[key] = Self.conforming(candidate, key, schema: schema, random: &context.random)
        }
        random = context.random
        return .object(context.model)
    }

    /// The property that names a resource: a writable primary identifier that is a string and
    /// ends in `Name`, else a single writable string primary identifier that is not required
    /// (RDS's `DBInstanceIdentifier`, ElastiCache's `ReplicationGroupId`: CloudFormation names
    /// those too), else a writable `<Resource>Name` or `Name` when the schema has it.
    static func nameProperty(of schema: ResourceSchema) -> String? {
        let resource = String(schema.typeName.split(separator: ":").last ?? "")
        let identifiers = schema.primaryIdentifier.filter(\.isTopLevel).map(\.topLevel)
        func isWritableString(_ name: String) -> Bool {
            !schema.isReadOnly(name) && schema.propertySchema(name)?["type"]?.stringValue == "string"
        }
        for candidate in identifiers.reversed() where candidate.hasSuffix("Name") && isWritableString(candidate) {
            return candidate
        }
        if identifiers.count == 1, schema.primaryIdentifier.count == 1, let only = identifiers.first,
            isWritableString(only), !schema.required.contains(only)
        {
            return only
        }
        for candidate in [resource + "Name", "Name", "Family", "GroupName"]
        where schema.propertyNames.contains(candidate) && !schema.isReadOnly(candidate) {
            return candidate
        }
        for candidate in [resource + "Name", "Name"] where schema.propertyNames.contains(candidate) {
            return candidate
        }
        return nil
    }

    /// A CloudFormation-style physical name, lower case so it also suits S3 buckets, cut to
    /// the property's maxLength, and drawn from the property's pattern if it does not match.
    static func generatedName(
        _ resource: String, schema: ResourceSchema, property: String, random: inout SeededRandom
    ) -> String {
        var name =
            "ccs-\(resource.lowercased())-\(random.string(12, from: "abcdefghijklmnopqrstuvwxyz0123456789"))"
        if let max = schema.propertySchema(property)?["maxLength"]?.intValue, name.count > max {
            name = String(name.suffix(max))
        }
        return conforming(.string(name), property, schema: schema, random: &random).stringValue ?? name
    }

    /// The fallback for read-only properties no rule or convention covers, shaped by the name
    /// and the property's schema type.
    static func generic(_ key: String, schema: ResourceSchema, resource: String, context: inout Context)
        -> JSONValue
    {
        let segment = String(schema.typeName.split(separator: ":").dropFirst().first ?? "").lowercased()
        let service = arnServices[segment] ?? segment
        let type = schema.propertySchema(key)?["type"]
        switch type?.stringValue ?? type?.arrayValue?.first?.stringValue ?? "string" {
        case "array": return .array([])
        case "object": return .object([:])
        case "integer", "number": return .int(0)
        case "boolean": return .bool(false)
        default: break
        }
        let id = context.name.isEmpty ? context.random.hex(17) : context.name
        if key.hasSuffix("Arn") || key.hasSuffix("ARN") {
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
