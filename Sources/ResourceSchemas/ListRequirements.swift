/// The ResourceModel keys a type needs before it can be listed.
///
/// The real service reads them from `handlers.list.handlerSchema.required` in the registry
/// schema, which the shipped schemas carry (307 child types name their parent's keys there).
/// Schemas without a `handlers` section (cfn-lint's copies strip it; a `--schemas` folder may
/// hold those) fall back on this table of common child types.
public enum ListRequirements {
    /// Type name → keys that ListResources requires in ResourceModel, for schemas that do not
    /// say (each lists its children under one parent).
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

    /// The table's keys for `typeName` (empty for top-level types and types it does not hold).
    public static func requiredKeys(_ typeName: String) -> [String] {
        table[typeName] ?? []
    }

    /// The keys a listing of `schema`'s type requires: its list handler's `handlerSchema`
    /// when the schema declares handlers, else the table's.
    public static func requiredKeys(for schema: ResourceSchema) -> [String] {
        schema.handlers == nil ? requiredKeys(schema.typeName) : schema.listRequiredKeys
    }
}
