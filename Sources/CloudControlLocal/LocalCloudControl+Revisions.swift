import JSONCore
import ResourceSchemas

extension LocalCloudControl {
    /// A type whose every create registers a new numbered version of a family rather than a
    /// resource of its own name: a second create with the same family is revision 2, not
    /// AlreadyExists. Numbers only grow, even after earlier revisions are deleted (ECS
    /// RegisterTaskDefinition: "each time you register a new revision of a task definition in
    /// the same family, the revision value always increases by one (even if you have
    /// deregistered previous revisions in this family)", quoted in aws/aws-cli#3064; Lambda
    /// PublishVersion and PublishLayerVersion number versions the same way).
    struct VersionedType: Sendable {
        /// The family a desired state belongs to, nil when it names none (the create then
        /// fails validation or lacks its parent anyway).
        var family: @Sendable (JSONObject, AccountRegion) -> String?
        /// The read-only values of revision `n` of a family.
        var values: @Sendable (String, Int, AccountRegion) -> JSONObject
    }

    /// The last path segment of a name-or-ARN property (`arn:...:function:f` → `f`).
    private static func name(_ value: JSONValue?, after marker: String) -> String? {
        guard let text = value?.stringValue, !text.isEmpty else { return nil }
        guard text.hasPrefix("arn:"), let range = text.range(of: marker) else { return text }
        return String(text[range.upperBound...].prefix { $0 != ":" })
    }

    static let versionedTypes: [String: VersionedType] = [
        "AWS::ECS::TaskDefinition": VersionedType(
            family: { model, _ in model["Family"]?.stringValue },
            values: { family, n, p in
                ["TaskDefinitionArn": .string("arn:aws:ecs:\(p.region):\(p.account):task-definition/\(family):\(n)")]
            }),
        "AWS::Lambda::Version": VersionedType(
            family: { model, _ in name(model["FunctionName"], after: ":function:") },
            values: { function, n, p in
                [
                    "FunctionArn": .string("arn:aws:lambda:\(p.region):\(p.account):function:\(function):\(n)"),
                    "Version": .string("\(n)"),
                ]
            }),
        "AWS::Lambda::LayerVersion": VersionedType(
            family: { model, _ in name(model["LayerName"], after: ":layer:") },
            values: { layer, n, p in
                ["LayerVersionArn": .string("arn:aws:lambda:\(p.region):\(p.account):layer:\(layer):\(n)")]
            }),
        "AWS::StepFunctions::StateMachineVersion": VersionedType(
            family: { model, _ in model["StateMachineArn"]?.stringValue },
            values: { machine, n, _ in ["Arn": .string("\(machine):\(n)")] }),
    ]

    /// `model` as revision N+1 of its family, for a versioned type; other models unchanged.
    /// A family left out (Family, LayerName) is given a generated name first, as CloudFormation
    /// names what the template does not.
    func assignRevision(_ model: JSONValue, schema: ResourceSchema, in partition: AccountRegion) throws -> JSONValue {
        guard let versioned = Self.versionedTypes[schema.typeName], case .object(var o) = model else { return model }
        for key in ["Family", "LayerName"] where o[key] == nil && schema.propertyNames.contains(key) {
            let resource = String(schema.typeName.split(separator: ":").last ?? "")
            o[key] = .string(ResourceGenerator.generatedName(resource, schema: schema, property: key, random: &random))
        }
        guard let family = versioned.family(o, partition) else { return .object(o) }
        let revision = try store.nextRevision(
            of: "\(partition.account)|\(partition.region)|\(schema.typeName)|\(family)")
        for (key, value) in versioned.values(family, revision, partition) { o[key] = value }
        return .object(o)
    }
}
