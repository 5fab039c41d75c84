import JSONCore
import ResourceSchemas

/// A top-level property that names another resource: its value (or, for a list, each item)
/// must equal one of `targets`' property values on a resource in the same account and region.
struct ResourceReference: Sendable, Equatable {
    /// A type and the property whose value a reference holds (`AWS::EC2::VPC`, `VpcId`).
    struct Target: Sendable, Equatable {
        var typeName: String
        var property: String
    }

    var property: String
    var isList: Bool
    var targets: [Target]

    /// The values `model` refers by (strings only; a list's string items).
    func values(in model: JSONValue) -> [String] {
        guard let value = model[property] else { return [] }
        if isList { return value.arrayValue?.compactMap(\.stringValue) ?? [] }
        return value.stringValue.map { [$0] } ?? []
    }

    /// Properties that name a resource of another type by convention, for the services whose
    /// schemas do not say so with `relationshipRef`: (type-name prefix, property, targets).
    /// A prefix keeps names with other meanings elsewhere out (AWS::EC2::FlowLog's
    /// LogGroupName is a group it creates when missing; only AWS::Logs:: children need one).
    static let conventions: [(prefix: String, property: String, targets: [Target])] = [
        ("AWS::", "VpcId", [Target(typeName: "AWS::EC2::VPC", property: "VpcId")]),
        ("AWS::", "SubnetId", [Target(typeName: "AWS::EC2::Subnet", property: "SubnetId")]),
        ("AWS::", "SubnetIds", [Target(typeName: "AWS::EC2::Subnet", property: "SubnetId")]),
        ("AWS::EC2::", "InternetGatewayId", [Target(typeName: "AWS::EC2::InternetGateway", property: "InternetGatewayId")]),
        ("AWS::EC2::", "RouteTableId", [Target(typeName: "AWS::EC2::RouteTable", property: "RouteTableId")]),
        ("AWS::Logs::", "LogGroupName", [Target(typeName: "AWS::Logs::LogGroup", property: "LogGroupName")]),
        ("AWS::ApiGateway::", "RestApiId", [Target(typeName: "AWS::ApiGateway::RestApi", property: "RestApiId")]),
        ("AWS::ApiGatewayV2::", "ApiId", [Target(typeName: "AWS::ApiGatewayV2::Api", property: "ApiId")]),
        ("AWS::EKS::", "ClusterName", [Target(typeName: "AWS::EKS::Cluster", property: "Name")]),
        (
            "AWS::ECS::", "Cluster",
            [
                Target(typeName: "AWS::ECS::Cluster", property: "ClusterName"),
                Target(typeName: "AWS::ECS::Cluster", property: "Arn"),
            ]
        ),
        ("AWS::Cognito::", "UserPoolId", [Target(typeName: "AWS::Cognito::UserPool", property: "UserPoolId")]),
        ("AWS::SNS::", "TopicArn", [Target(typeName: "AWS::SNS::Topic", property: "TopicArn")]),
        (
            "AWS::ElasticLoadBalancingV2::", "LoadBalancerArn",
            [Target(typeName: "AWS::ElasticLoadBalancingV2::LoadBalancer", property: "LoadBalancerArn")]
        ),
        (
            "AWS::ElasticLoadBalancingV2::", "ListenerArn",
            [Target(typeName: "AWS::ElasticLoadBalancingV2::Listener", property: "ListenerArn")]
        ),
        ("AWS::S3::", "Bucket", [Target(typeName: "AWS::S3::Bucket", property: "BucketName")]),
    ]

    /// Targets a `relationshipRef` may name that the emulator cannot hold all of: AWS managed
    /// KMS keys (`alias/aws/s3`) and service roles exist in every account without being
    /// created, so a reference to one that is not stored is no evidence of a mistake.
    static let externalTargets: Set<String> = ["AWS::KMS::Key", "AWS::IAM::Role"]

    /// Parents whose deletion takes their children with them, as the services' delete calls do
    /// (DeleteLogGroup deletes the group's streams and filters, DeleteRestApi its resources,
    /// stages and deployments, DeleteTopic its subscriptions, DeleteLoadBalancer its
    /// listeners); deleting any other referenced resource is refused (EC2's "DependencyViolation:
    /// The vpc 'vpc-…' has dependencies and cannot be deleted.").
    static let cascadingParents: Set<String> = [
        "AWS::Logs::LogGroup", "AWS::ApiGateway::RestApi", "AWS::ApiGatewayV2::Api", "AWS::SNS::Topic",
        "AWS::ElasticLoadBalancingV2::LoadBalancer", "AWS::ElasticLoadBalancingV2::Listener",
    ]

    /// The references of a type: its top-level writable properties with a `relationshipRef`
    /// (directly, in `anyOf`/`oneOf`, or on a list's items), then the conventions. A property
    /// never refers to its own type.
    static func references(of schema: ResourceSchema) -> [ResourceReference] {
        var found: [ResourceReference] = []
        for name in schema.propertyNames where !schema.isReadOnly(name) {
            guard let property = schema.propertySchema(name) else { continue }
            let isList = property["type"]?.stringValue == "array"
            var targets: [Target] = []
            collect(isList ? property["items"] : property, into: &targets)
            // A schema that names no target type it could hold, or (AWS::Redshift::Cluster's
            // VpcSecurityGroupIds) names a VPC for security groups, is not enforced.
            targets.removeAll { externalTargets.contains($0.typeName) || $0.typeName == schema.typeName }
            if name == "VpcSecurityGroupIds" || name.hasSuffix("SecurityGroupIds") {
                targets.removeAll { $0.typeName == "AWS::EC2::VPC" }
            }
            if !targets.isEmpty { found.append(ResourceReference(property: name, isList: isList, targets: targets)) }
        }
        for convention in conventions
        where schema.typeName.hasPrefix(convention.prefix) && schema.propertyNames.contains(convention.property)
            && !schema.isReadOnly(convention.property) && !found.contains(where: { $0.property == convention.property })
            && !convention.targets.contains(where: { $0.typeName == schema.typeName })
        {
            let property = schema.propertySchema(convention.property)
            let type = property?["type"]?.stringValue
            guard type == "string" || type == "array" else { continue }
            found.append(
                ResourceReference(property: convention.property, isList: type == "array", targets: convention.targets))
        }
        return found
    }

    private static func collect(_ schema: JSONValue?, into targets: inout [Target]) {
        guard let schema else { return }
        if let ref = schema["relationshipRef"], let type = ref["typeName"]?.stringValue,
            let path = ref["propertyPath"]?.stringValue.flatMap(PropertyPath.init(schemaPointer:)), path.isTopLevel
        {
            let target = Target(typeName: type, property: path.topLevel)
            if !targets.contains(target) { targets.append(target) }
        }
        for key in ["anyOf", "oneOf"] {
            for branch in schema[key]?.arrayValue ?? [] { collect(branch, into: &targets) }
        }
    }
}
