import Foundation

/// The `ProgressEvent` shape: the status of one resource operation request, returned by every
/// mutating operation, by GetResourceRequestStatus and in ListResourceRequests summaries.
public struct ProgressEvent: Codable, Sendable, Equatable, Hashable {
    /// The resource type name, e.g. `AWS::Logs::LogGroup`.
    public var typeName: String?
    /// The primary identifier of the resource (compound identifiers joined with `|`).
    public var identifier: String?
    /// The token that identifies the request, for GetResourceRequestStatus and
    /// CancelResourceRequest.
    public var requestToken: String?
    /// The token of the hooks invocation tied to this request, if any hooks ran.
    public var hooksRequestToken: String?
    /// The kind of operation: CREATE, DELETE or UPDATE.
    public var operation: ResourceOperation?
    /// Where the request is in its lifecycle.
    public var operationStatus: OperationStatus?
    /// When the event was emitted (epoch seconds on the wire).
    public var eventTime: Date?
    /// The resource's model as JSON text, when the handler returned one.
    public var resourceModel: String?
    /// A handler message, typically why the request failed.
    public var statusMessage: String?
    /// Why the handler failed, for FAILED requests.
    public var errorCode: HandlerErrorCode?
    /// When to poll again (epoch seconds on the wire): the service's hint to callers.
    public var retryAfter: Date?

    public init(
        typeName: String? = nil, identifier: String? = nil, requestToken: String? = nil,
        hooksRequestToken: String? = nil, operation: ResourceOperation? = nil,
        operationStatus: OperationStatus? = nil, eventTime: Date? = nil, resourceModel: String? = nil,
        statusMessage: String? = nil, errorCode: HandlerErrorCode? = nil, retryAfter: Date? = nil
    ) {
        self.typeName = typeName
        self.identifier = identifier
        self.requestToken = requestToken
        self.hooksRequestToken = hooksRequestToken
        self.operation = operation
        self.operationStatus = operationStatus
        self.eventTime = eventTime
        self.resourceModel = resourceModel
        self.statusMessage = statusMessage
        self.errorCode = errorCode
        self.retryAfter = retryAfter
    }

    /// Wire names, in the member order of the service model.
    public enum CodingKeys: String, CodingKey, CaseIterable {
        case typeName = "TypeName"
        case identifier = "Identifier"
        case requestToken = "RequestToken"
        case hooksRequestToken = "HooksRequestToken"
        case operation = "Operation"
        case operationStatus = "OperationStatus"
        case eventTime = "EventTime"
        case resourceModel = "ResourceModel"
        case statusMessage = "StatusMessage"
        case errorCode = "ErrorCode"
        case retryAfter = "RetryAfter"
    }
}
