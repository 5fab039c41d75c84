/// The `CreateResourceInput` shape: create a resource of `typeName` from `desiredState`.
public struct CreateResourceInput: CloudControlInput, Hashable {
    public typealias Output = CreateResourceOutput
    public static let operation = APIOperation.createResource

    /// The resource type name, e.g. `AWS::Logs::LogGroup` (required).
    public var typeName: String
    /// The version of the resource type to use; the default version when nil.
    public var typeVersionId: String?
    /// The IAM role Cloud Control assumes for the handler's calls.
    public var roleArn: String?
    /// The idempotency token; the client fills a UUID when nil, and reuses it on every retry.
    public var clientToken: String?
    /// The resource's desired state as JSON text (required).
    public var desiredState: String

    public init(
        typeName: String, typeVersionId: String? = nil, roleArn: String? = nil, clientToken: String? = nil,
        desiredState: String
    ) {
        self.typeName = typeName
        self.typeVersionId = typeVersionId
        self.roleArn = roleArn
        self.clientToken = clientToken
        self.desiredState = desiredState
    }

    /// Wire names, in the member order of the service model.
    public enum CodingKeys: String, CodingKey, CaseIterable {
        case typeName = "TypeName"
        case typeVersionId = "TypeVersionId"
        case roleArn = "RoleArn"
        case clientToken = "ClientToken"
        case desiredState = "DesiredState"
    }
}

/// The `CreateResourceOutput` shape: the request's first progress event.
public struct CreateResourceOutput: CloudControlOutput, Hashable {
    /// The status of the create request.
    public var progressEvent: ProgressEvent?

    public init(progressEvent: ProgressEvent? = nil) {
        self.progressEvent = progressEvent
    }

    /// Wire names, in the member order of the service model.
    public enum CodingKeys: String, CodingKey, CaseIterable {
        case progressEvent = "ProgressEvent"
    }
}
