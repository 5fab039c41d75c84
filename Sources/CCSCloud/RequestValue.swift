import CCSLanguage
import CloudControl

/// A resource operation request as `create`, `patch`, `delete`, `cancel`, `status` and
/// `requests` return it: `req.token`, `req.type`, `req.id`, `req.op`, `req.status` and
/// `req.event` (the latest ProgressEvent as a map, hook events included when known). `wait`
/// and `status` refresh it in place. Prints as its ProgressEvent.
public final class RequestValue: HostObject {
    /// The latest progress event seen for the request.
    public private(set) var event: ProgressEvent
    /// Hook invocations, from the latest GetResourceRequestStatus.
    public private(set) var hooks: HooksProgressEvent?
    /// How to send the request again (with a fresh ClientToken) when it fails for a
    /// transient reason; nil for requests ccs did not send itself.
    let resubmission: Resubmission?
    /// How many times `wait` has resubmitted it.
    var resubmissions = 0
    /// The resource value `patch(r, ...)` was given: `wait` reads it again once the update
    /// succeeded, so `r` shows what the update made.
    var refreshesOnSuccess: ResourceValue?
    /// The session (account, region, credentials) the request was made in: `wait`, `status`
    /// and `cancel` ask there, whichever session's built-in they are called as.
    public let origin: CloudSession?

    init(
        event: ProgressEvent, hooks: HooksProgressEvent? = nil, resubmission: Resubmission? = nil,
        origin: CloudSession? = nil
    ) {
        self.event = event
        self.hooks = hooks
        self.resubmission = resubmission
        self.origin = origin
    }

    public override var typeName: String { "request" }

    /// The request token (empty if the service sent none, which it always does).
    public var token: String { event.requestToken ?? "" }

    /// The ClientToken the request was last sent with, when ccs sent it.
    var clientToken: String? {
        switch resubmission {
        case .create(let input)?: return input.clientToken
        case .update(let input)?: return input.clientToken
        case .delete(let input)?: return input.clientToken
        case nil: return nil
        }
    }

    /// Records a newer event (keeping known hooks unless the update carries its own).
    func update(_ newer: ProgressEvent, hooks newerHooks: HooksProgressEvent? = nil) {
        event = newer
        if let newerHooks { hooks = newerHooks }
    }

    /// Starts over as the resubmitted request `first` describes: the failed request's hook
    /// events belong to it, not to the new one.
    func restart(_ first: ProgressEvent) {
        event = first
        hooks = nil
    }

    public override func field(_ name: String) throws -> Value? {
        func text(_ s: String?) -> Value { s.map(Value.string) ?? .null }
        switch name {
        case "token": return text(event.requestToken)
        case "type": return text(event.typeName)
        case "id": return text(event.identifier)
        case "op": return text(event.operation?.rawValue)
        case "status": return text(event.operationStatus?.rawValue)
        case "event": return event.scriptValue(hooks: hooks)
        default: return nil
        }
    }

    public override func jsonValue() throws -> Value { event.scriptValue(hooks: hooks) }
}

/// The original call of a request, kept so `wait` can send it again with a fresh
/// ClientToken after a FAILED event with a transient ErrorCode.
enum Resubmission {
    case create(CreateResourceInput)
    case update(UpdateResourceInput)
    case delete(DeleteResourceInput)
}
