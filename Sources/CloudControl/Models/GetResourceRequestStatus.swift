/// The `GetResourceRequestStatusInput` shape: poll one resource operation request.
public struct GetResourceRequestStatusInput: CloudControlInput, Hashable {
    public typealias Output = GetResourceRequestStatusOutput
    public static let operation = APIOperation.getResourceRequestStatus

    /// The request's token, from its ProgressEvent (required).
    public var requestToken: String

    public init(requestToken: String) {
        self.requestToken = requestToken
    }

    /// Wire names, in the member order of the service model.
    public enum CodingKeys: String, CodingKey, CaseIterable {
        case requestToken = "RequestToken"
    }
}

/// The `GetResourceRequestStatusOutput` shape: the request's current progress event and the
/// progress of its hooks.
public struct GetResourceRequestStatusOutput: CloudControlOutput, Hashable {
    /// The current status of the request.
    public var progressEvent: ProgressEvent?
    /// The hook invocations of the request, if any hooks ran.
    public var hooksProgressEvent: HooksProgressEvent?

    public init(progressEvent: ProgressEvent? = nil, hooksProgressEvent: HooksProgressEvent? = nil) {
        self.progressEvent = progressEvent
        self.hooksProgressEvent = hooksProgressEvent
    }

    /// Wire names, in the member order of the service model.
    public enum CodingKeys: String, CodingKey, CaseIterable {
        case progressEvent = "ProgressEvent"
        case hooksProgressEvent = "HooksProgressEvent"
    }
}
