/// The `DeleteResourceInput` shape: delete one resource.
public struct DeleteResourceInput: CloudControlInput, Hashable {
    public typealias Output = DeleteResourceOutput
    public static let operation = APIOperation.deleteResource

    /// The resource type name (required).
    public var typeName: String
    /// The version of the resource type to use; the default version when nil.
    public var typeVersionId: String?
    /// The IAM role Cloud Control assumes for the handler's calls.
    public var roleArn: String?
    /// The idempotency token; the client fills a UUID when nil, and reuses it on every retry.
    public var clientToken: String?
    /// The resource's primary identifier (required).
    public var identifier: String

    public init(
        typeName: String, typeVersionId: String? = nil, roleArn: String? = nil, clientToken: String? = nil,
        identifier: String
    ) {
        self.typeName = typeName
        self.typeVersionId = typeVersionId
        self.roleArn = roleArn
        self.clientToken = clientToken
        self.identifier = identifier
    }

    /// Wire names, in the member order of the service model.
    public enum CodingKeys: String, CodingKey, CaseIterable {
        case typeName = "TypeName"
        case typeVersionId = "TypeVersionId"
        case roleArn = "RoleArn"
        case clientToken = "ClientToken"
        case identifier = "Identifier"
    }
}

/// The `DeleteResourceOutput` shape: the request's first progress event.
public struct DeleteResourceOutput: CloudControlOutput, Hashable {
    /// The status of the delete request.
    public var progressEvent: ProgressEvent?

    public init(progressEvent: ProgressEvent? = nil) {
        self.progressEvent = progressEvent
    }

    /// Wire names, in the member order of the service model.
    public enum CodingKeys: String, CodingKey, CaseIterable {
        case progressEvent = "ProgressEvent"
    }
}
