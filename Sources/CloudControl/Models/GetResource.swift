/// The `GetResourceInput` shape: read the current state of one resource.
public struct GetResourceInput: CloudControlInput, Hashable {
    public typealias Output = GetResourceOutput
    public static let operation = APIOperation.getResource

    /// The resource type name (required).
    public var typeName: String
    /// The version of the resource type to use; the default version when nil.
    public var typeVersionId: String?
    /// The IAM role Cloud Control assumes for the handler's calls.
    public var roleArn: String?
    /// The resource's primary identifier, or a JSON object of its primary identifier
    /// properties (required).
    public var identifier: String

    public init(typeName: String, typeVersionId: String? = nil, roleArn: String? = nil, identifier: String) {
        self.typeName = typeName
        self.typeVersionId = typeVersionId
        self.roleArn = roleArn
        self.identifier = identifier
    }

    /// Wire names, in the member order of the service model.
    public enum CodingKeys: String, CodingKey, CaseIterable {
        case typeName = "TypeName"
        case typeVersionId = "TypeVersionId"
        case roleArn = "RoleArn"
        case identifier = "Identifier"
    }
}

/// The `GetResourceOutput` shape: the resource's type and description.
public struct GetResourceOutput: CloudControlOutput, Hashable {
    /// The resource type name.
    public var typeName: String?
    /// The resource's identifier and properties.
    public var resourceDescription: ResourceDescription?

    public init(typeName: String? = nil, resourceDescription: ResourceDescription? = nil) {
        self.typeName = typeName
        self.resourceDescription = resourceDescription
    }

    /// Wire names, in the member order of the service model.
    public enum CodingKeys: String, CodingKey, CaseIterable {
        case typeName = "TypeName"
        case resourceDescription = "ResourceDescription"
    }
}
