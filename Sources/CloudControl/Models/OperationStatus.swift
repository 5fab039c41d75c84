/// The `OperationStatus` enum of the service model: where a resource operation request is in
/// its lifecycle (PENDING → IN_PROGRESS → SUCCESS | FAILED, or CANCEL_IN_PROGRESS →
/// CANCEL_COMPLETE).
public struct OperationStatus: OpenStringEnum {
    public let rawValue: String

    public init(rawValue: String) {
        self.rawValue = rawValue
    }

    public static let pending = OperationStatus(rawValue: "PENDING")
    public static let inProgress = OperationStatus(rawValue: "IN_PROGRESS")
    public static let success = OperationStatus(rawValue: "SUCCESS")
    public static let failed = OperationStatus(rawValue: "FAILED")
    public static let cancelInProgress = OperationStatus(rawValue: "CANCEL_IN_PROGRESS")
    public static let cancelComplete = OperationStatus(rawValue: "CANCEL_COMPLETE")

    public static let knownValues: [OperationStatus] = [
        .pending, .inProgress, .success, .failed, .cancelInProgress, .cancelComplete,
    ]
}
