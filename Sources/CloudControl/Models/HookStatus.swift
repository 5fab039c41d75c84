/// The status of one hook invocation (`HookProgressEvent.HookStatus`). The model types it as a
/// free string (pattern `[-A-Za-z_]+`); the known values are those the API reference lists
/// (API_HookProgressEvent).
public struct HookStatus: OpenStringEnum {
    public let rawValue: String

    public init(rawValue: String) {
        self.rawValue = rawValue
    }

    public static let hookPending = HookStatus(rawValue: "HOOK_PENDING")
    public static let hookInProgress = HookStatus(rawValue: "HOOK_IN_PROGRESS")
    public static let hookCompleteSucceeded = HookStatus(rawValue: "HOOK_COMPLETE_SUCCEEDED")
    public static let hookCompleteFailed = HookStatus(rawValue: "HOOK_COMPLETE_FAILED")
    public static let hookFailed = HookStatus(rawValue: "HOOK_FAILED")

    public static let knownValues: [HookStatus] = [
        .hookPending, .hookInProgress, .hookCompleteSucceeded, .hookCompleteFailed, .hookFailed,
    ]
}
