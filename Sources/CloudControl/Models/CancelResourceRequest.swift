/// The `CancelResourceRequestInput` shape: cancel a pending or in-progress request.
public struct CancelResourceRequestInput: CloudControlInput, Hashable {
    public typealias Output = CancelResourceRequestOutput
    public static let operation = APIOperation.cancelResourceRequest

    /// The request's token (required).
    public var requestToken: String

    public init(requestToken: String) {
        self.requestToken = requestToken
    }

    /// Wire names, in the member order of the service model.
    public enum CodingKeys: String, CodingKey, CaseIterable {
        case requestToken = "RequestToken"
    }
}

/// The `CancelResourceRequestOutput` shape: the request's progress event after cancelling.
public struct CancelResourceRequestOutput: CloudControlOutput, Hashable {
    /// The status of the cancelled request (CANCEL_IN_PROGRESS or CANCEL_COMPLETE).
    public var progressEvent: ProgressEvent?

    public init(progressEvent: ProgressEvent? = nil) {
        self.progressEvent = progressEvent
    }

    /// Wire names, in the member order of the service model.
    public enum CodingKeys: String, CodingKey, CaseIterable {
        case progressEvent = "ProgressEvent"
    }
}
