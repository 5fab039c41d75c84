/// The `ListResourcesInput` shape: one page of the resources of a type.
public struct ListResourcesInput: CloudControlInput, Hashable {
    public typealias Output = ListResourcesOutput
    public static let operation = APIOperation.listResources

    /// The resource type name (required).
    public var typeName: String
    /// The version of the resource type to use; the default version when nil.
    public var typeVersionId: String?
    /// The IAM role Cloud Control assumes for the handler's calls.
    public var roleArn: String?
    /// The token of the page to fetch, from the previous page's `nextToken`.
    public var nextToken: String?
    /// The page size, 1–100 (the service documents it as reserved and may ignore it).
    public var maxResults: Int?
    /// JSON text of properties that scope the listing, needed by some child types (e.g.
    /// `{"ClusterName": "c"}` for `AWS::EKS::Nodegroup`).
    public var resourceModel: String?

    public init(
        typeName: String, typeVersionId: String? = nil, roleArn: String? = nil, nextToken: String? = nil,
        maxResults: Int? = nil, resourceModel: String? = nil
    ) {
        self.typeName = typeName
        self.typeVersionId = typeVersionId
        self.roleArn = roleArn
        self.nextToken = nextToken
        self.maxResults = maxResults
        self.resourceModel = resourceModel
    }

    /// Wire names, in the member order of the service model.
    public enum CodingKeys: String, CodingKey, CaseIterable {
        case typeName = "TypeName"
        case typeVersionId = "TypeVersionId"
        case roleArn = "RoleArn"
        case nextToken = "NextToken"
        case maxResults = "MaxResults"
        case resourceModel = "ResourceModel"
    }
}

/// The `ListResourcesOutput` shape: one page of resource descriptions.
public struct ListResourcesOutput: CloudControlOutput, Hashable {
    /// The resource type name.
    public var typeName: String?
    /// The resources of this page.
    public var resourceDescriptions: [ResourceDescription]?
    /// The token of the next page; nil on the last page.
    public var nextToken: String?

    public init(
        typeName: String? = nil, resourceDescriptions: [ResourceDescription]? = nil, nextToken: String? = nil
    ) {
        self.typeName = typeName
        self.resourceDescriptions = resourceDescriptions
        self.nextToken = nextToken
    }

    /// Wire names, in the member order of the service model.
    public enum CodingKeys: String, CodingKey, CaseIterable {
        case typeName = "TypeName"
        case resourceDescriptions = "ResourceDescriptions"
        case nextToken = "NextToken"
    }
}
