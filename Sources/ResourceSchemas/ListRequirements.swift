/// The ResourceModel keys a type needs before it can be listed.
///
/// The real service reads them from `handlers.list.handlerSchema` in the registry schema;
/// cfn-lint's copies of the schemas omit the `handlers` section, so the emulator keeps this
/// table for the shipped child types (each lists its children under one parent).
public enum ListRequirements {
    /// Type name → keys that ListResources requires in ResourceModel.
    public static let table: [String: [String]] = [
        "AWS::ApiGateway::Deployment": ["RestApiId"],
        "AWS::ApiGateway::Resource": ["RestApiId"],
        "AWS::ApiGateway::Stage": ["RestApiId"],
        "AWS::EKS::Addon": ["ClusterName"],
        "AWS::EKS::FargateProfile": ["ClusterName"],
        "AWS::EKS::Nodegroup": ["ClusterName"],
        "AWS::IAM::RolePolicy": ["RoleName"],
        "AWS::Lambda::Permission": ["FunctionName"],
        "AWS::Logs::LogStream": ["LogGroupName"],
        "AWS::EC2::Route": ["RouteTableId"],
    ]

    /// The required keys of `typeName` (empty for top-level types).
    public static func requiredKeys(_ typeName: String) -> [String] {
        table[typeName] ?? []
    }
}
