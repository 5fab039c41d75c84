import CloudControl

/// The resources this session saw created recently. GetResource can answer
/// ResourceNotFoundException for a short while after a CREATE succeeded (Cloud Control reads
/// are eventually consistent; DESIGN.md "Known pain points"), so `get` retries a NotFound
/// for a resource listed here, and only for one: a resource that simply does not exist still
/// fails at once.
final class FreshCreates {
    /// How long after its CREATE succeeded a resource counts as fresh.
    static let freshness = 60.0
    /// The first retry delay; each next one doubles, up to `maxDelay`.
    static let firstDelay = 0.25
    static let maxDelay = 2.0
    /// The most time `get` spends retrying one read.
    static let budget = 10.0

    /// "type|identifier" → when its CREATE was seen succeeding.
    private var created: [String: Double] = [:]

    /// Records what a terminal progress event says: a successful CREATE makes its resource
    /// fresh, a successful DELETE forgets it (a NotFound after a delete is the truth).
    func observe(_ event: ProgressEvent, at now: Double) {
        guard event.operationStatus == .success, let type = event.typeName, let id = event.identifier
        else { return }
        if event.operation == .create {
            created = created.filter { now - $0.value < Self.freshness }
            created[Self.key(type, id)] = now
        } else if event.operation == .delete {
            created[Self.key(type, id)] = nil
        }
    }

    /// True when this session saw `type`/`id` created less than `freshness` seconds ago.
    func isFresh(_ type: String, _ id: String, at now: Double) -> Bool {
        guard let time = created[Self.key(type, id)] else { return false }
        return now - time < Self.freshness
    }

    /// The pause before retry number `attempt` (from 0) when `waited` seconds were already
    /// spent retrying, or nil when the budget is used up.
    static func retryDelay(attempt: Int, waited: Double) -> Double? {
        let delay = min(maxDelay, firstDelay * Double(1 << min(attempt, 8)))
        return waited + delay <= budget ? delay : nil
    }

    private static func key(_ type: String, _ id: String) -> String { type + "|" + id }
}
