import Foundation

/// The `HooksProgressEvent` shape of the model: the list of hook invocations of one request.
public typealias HooksProgressEvent = [HookProgressEvent]

/// The `HookProgressEvent` shape: one hook's invocation for a resource operation request,
/// returned by GetResourceRequestStatus.
public struct HookProgressEvent: Codable, Sendable, Equatable, Hashable {
    /// The hook's type name, e.g. `MyOrg::Security::Check`.
    public var hookTypeName: String?
    /// The version of the hook type that ran.
    public var hookTypeVersionId: String?
    /// The ARN of the hook type.
    public var hookTypeArn: String?
    /// When in the request the hook ran.
    public var invocationPoint: HookInvocationPoint?
    /// The hook's status.
    public var hookStatus: HookStatus?
    /// When the hook event was emitted (epoch seconds on the wire).
    public var hookEventTime: Date?
    /// The hook's message.
    public var hookStatusMessage: String?
    /// What a failure of this hook does to the request (FAIL or WARN).
    public var failureMode: HookFailureMode?

    public init(
        hookTypeName: String? = nil, hookTypeVersionId: String? = nil, hookTypeArn: String? = nil,
        invocationPoint: HookInvocationPoint? = nil, hookStatus: HookStatus? = nil,
        hookEventTime: Date? = nil, hookStatusMessage: String? = nil, failureMode: HookFailureMode? = nil
    ) {
        self.hookTypeName = hookTypeName
        self.hookTypeVersionId = hookTypeVersionId
        self.hookTypeArn = hookTypeArn
        self.invocationPoint = invocationPoint
        self.hookStatus = hookStatus
        self.hookEventTime = hookEventTime
        self.hookStatusMessage = hookStatusMessage
        self.failureMode = failureMode
    }

    /// Wire names, in the member order of the service model.
    public enum CodingKeys: String, CodingKey, CaseIterable {
        case hookTypeName = "HookTypeName"
        case hookTypeVersionId = "HookTypeVersionId"
        case hookTypeArn = "HookTypeArn"
        case invocationPoint = "InvocationPoint"
        case hookStatus = "HookStatus"
        case hookEventTime = "HookEventTime"
        case hookStatusMessage = "HookStatusMessage"
        case failureMode = "FailureMode"
    }
}
