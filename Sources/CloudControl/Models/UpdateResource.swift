/// The `UpdateResourceInput` shape: update a resource with an RFC 6902 JSON Patch document.
public struct UpdateResourceInput: CloudControlInput, Hashable {
    public typealias Output = UpdateResourceOutput
    public static let operation = APIOperation.updateResource

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
    /// The RFC 6902 JSON Patch document as JSON text (required).
    public var patchDocument: String

    public init(
        typeName: String, typeVersionId: String? = nil, roleArn: String? = nil, clientToken: String? = nil,
        identifier: String, patchDocument: String
    ) {
        self.typeName = typeName
        self.typeVersionId = typeVersionId
        self.roleArn = roleArn
        self.clientToken = clientToken
        self.identifier = identifier
        self.patchDocument = patchDocument
    }

    /// Wire names, in the member order of the service model.
    public enum CodingKeys: String, CodingKey, CaseIterable {
        case typeName = "TypeName"
        case typeVersionId = "TypeVersionId"
        case roleArn = "RoleArn"
        case clientToken = "ClientToken"
        case identifier = "Identifier"
        case patchDocument = "PatchDocument"
    }
}

/// The `UpdateResourceOutput` shape: the request's first progress event.
public struct UpdateResourceOutput: CloudControlOutput, Hashable {
    /// The status of the update request.
    public var progressEvent: ProgressEvent?

    public init(progressEvent: ProgressEvent? = nil) {
        self.progressEvent = progressEvent
    }

    /// Wire names, in the member order of the service model.
    public enum CodingKeys: String, CodingKey, CaseIterable {
        case progressEvent = "ProgressEvent"
    }
}
