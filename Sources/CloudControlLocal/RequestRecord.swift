import CloudControl
import JSONCore

/// One resource operation request as stored. Its status at any time is computed from its
/// timestamps: PENDING for the first `phase` seconds, IN_PROGRESS for the next `phase`, then
/// its outcome; once cancelled, CANCEL_IN_PROGRESS for `phase` seconds, then CANCEL_COMPLETE.
struct RequestRecord: Sendable {
    var seq: Int64
    var token: String
    var operation: ResourceOperation
    var typeName: String
    var identifier: String
    var clientToken: String?
    /// What the caller asked for, to tell a ClientToken replay from a conflict.
    var fingerprint: String
    var created: Double
    /// Seconds per phase (the latency in force when the request was made).
    var phase: Double
    /// The full model to store on SUCCESS (create, update); nil for delete.
    var model: JSONValue?
    var cancelTime: Double?
    /// The outcome once the effects were applied or refused; nil while unfinished.
    var outcome: OperationStatus?
    /// A failure decided when the request was made (injected Throttling) or at completion.
    var errorCode: String?
    var statusMessage: String?
    var hooksToken: String
    /// The account and region the request was made in.
    var partition: AccountRegion

    /// When the request completes if nothing cancels it.
    var dueTime: Double {
        if let cancelTime { return cancelTime + phase }
        return created + 2 * phase
    }

    func status(at now: Double) -> OperationStatus {
        if let cancelTime {
            return now < cancelTime + phase ? .cancelInProgress : .cancelComplete
        }
        if let outcome { return outcome }
        if now < created + phase { return .pending }
        if now < created + 2 * phase { return .inProgress }
        // Due but not yet materialised: the engine finishes due requests before answering, so
        // this is only seen by callers that skip that step.
        return .inProgress
    }

    /// The time of the latest transition at `now`.
    func eventTime(at now: Double) -> Double {
        if let cancelTime { return now < cancelTime + phase ? cancelTime : cancelTime + phase }
        if outcome != nil { return created + 2 * phase }
        if now < created + phase { return created }
        return created + phase
    }

    /// When the caller should look again, while the request is unfinished.
    func retryAfter(at now: Double) -> Double? {
        let status = status(at: now)
        switch status {
        case .pending: return created + phase
        case .inProgress: return created + 2 * phase
        case .cancelInProgress: return (cancelTime ?? now) + phase
        default: return nil
        }
    }
}
