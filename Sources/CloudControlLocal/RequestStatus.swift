/// The state of a request (Cloud Control `OperationStatus`).
public enum RequestStatus: String, Sendable, CaseIterable {
    case pending = "PENDING"
    case inProgress = "IN_PROGRESS"
    case success = "SUCCESS"
    case failed = "FAILED"
    case cancelInProgress = "CANCEL_IN_PROGRESS"
    case cancelComplete = "CANCEL_COMPLETE"

    /// True for SUCCESS, FAILED and CANCEL_COMPLETE.
    public var isTerminal: Bool { self == .success || self == .failed || self == .cancelComplete }
}
