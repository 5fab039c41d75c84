import CloudControl
import Foundation

extension LocalCloudControl {
    /// GetResourceRequestStatus with its HooksProgressEvent: nil unless the fault plan names
    /// hooks (`hook=TYPE`), since a request in an account without hooks reports none.
    func statusWithHooks(requestToken: String, in partition: AccountRegion? = nil) throws
        -> (ProgressEvent, HooksProgressEvent?)
    {
        let partition = partition ?? defaultPartition
        return try withEngine { now in
            let record = try request(requestToken, at: now, in: partition)
            return (snapshot(record, at: now), hookEvents(record, at: now))
        }
    }

    /// The hooks of a request as the service reports them: each a pre-provision hook with
    /// FailureMode FAIL, HOOK_IN_PROGRESS while the request is PENDING (hooks run before the
    /// handler), HOOK_COMPLETE_SUCCEEDED from then on; a request cancelled before its handler
    /// started leaves them HOOK_PENDING. Fields as the API reference's HookProgressEvent.
    func hookEvents(_ record: RequestRecord, at now: Double) -> HooksProgressEvent? {
        let hooks = configuration.faults.hooks
        guard !hooks.isEmpty else { return nil }
        let handlerStart = record.created + record.phase
        let status = record.status(at: now)
        return hooks.map { name in
            let hookStatus: HookStatus
            var time = record.created
            if status == .pending {
                hookStatus = .hookInProgress
            } else if let cancelled = record.cancelTime, cancelled < handlerStart {
                hookStatus = .hookPending
            } else {
                hookStatus = .hookCompleteSucceeded
                time = handlerStart
            }
            let arnName = name.replacingOccurrences(of: "::", with: "-")
            return HookProgressEvent(
                hookTypeName: name, hookTypeVersionId: "00000001",
                hookTypeArn: "arn:aws:cloudformation:\(record.partition.region):\(record.partition.account):type/hook/\(arnName)",
                invocationPoint: .preProvision, hookStatus: hookStatus,
                hookEventTime: Date(timeIntervalSince1970: time),
                hookStatusMessage: hookStatus == .hookCompleteSucceeded ? "Hook succeeded." : nil,
                failureMode: .fail)
        }
    }
}
