import CCSLanguage
import CloudControl
import OrderedCollections

/// Waits for requests to finish, all at once: each request is polled with
/// GetResourceRequestStatus when it is due, and the waiter sleeps until the earliest due time,
/// so waiting for many takes about as long as the slowest. A request is due at its event's
/// RetryAfter when the service gave one (no SDK waiter honours it; Cloud Control sends it on
/// every unfinished event), otherwise after a backoff that doubles from 1 s up to 30 s with
/// jitter. A FAILED event whose ErrorCode is Throttling, ServiceInternalError or
/// NetworkFailure is a transient failure (Cloud Control reports throttling of an accepted
/// request this way; DESIGN.md "Known pain points"): after a pause (the event's RetryAfter,
/// else the same backoff counted in resubmissions), the original call is sent again with a
/// fresh ClientToken, up to `resubmit` times.
final class RequestWaiter {
    struct Settings {
        var timeout: Double = 30 * 60
        var resubmit = 3

        static let options = ["timeout", "resubmit"]

        init() {}

        init(_ options: CallOptions) throws {
            if let timeout = try options.number("timeout") {
                guard timeout >= 0 else {
                    throw ScriptError(
                        code: ErrorCode.valueError,
                        message: "\(options.function): option 'timeout' must not be negative, got \(timeout)")
                }
                self.timeout = timeout
            }
            if let resubmit = try options.integer("resubmit") {
                guard resubmit >= 0 else {
                    throw ScriptError(
                        code: ErrorCode.valueError,
                        message:
                            "\(options.function): option 'resubmit' must not be negative, got \(resubmit)")
                }
                self.resubmit = resubmit
            }
        }
    }

    /// ErrorCodes after which Cloud Control's own guidance is to retry the request.
    static let transientCodes: Set<String> = ["Throttling", "ServiceInternalError", "NetworkFailure"]
    static let maxBackoff = 30.0
    /// The longest single sleep, so the progress line's clock keeps moving.
    static let sleepSlice = 0.1

    /// Consecutive polls of one request that may fail transiently before `wait` gives up.
    static let transientPollLimit = 10

    private struct Tracked {
        let request: RequestValue
        var due: Double
        var attempt = 0
        /// The latest event was a transient failure: at `due`, send the call again.
        var resubmitting = false
        /// Consecutive polls that failed with a transient error (after the client's retries).
        var failedPolls = 0
        var outcome: Result<Value, ScriptError>?
    }

    private let session: CloudSession
    private let context: CallContext
    private let settings: Settings
    private let function: String
    private var tracked: [Tracked] = []
    private var drewProgress = false

    /// - Parameter context: the calling built-in's context, through which the waiter sleeps and
    ///   checks for Ctrl-C (the language's uncatchable `ScriptInterrupted`).
    init(session: CloudSession, context: CallContext, settings: Settings, function: String) {
        self.session = session
        self.context = context
        self.settings = settings
        self.function = function
    }

    /// The outcome of every request, in input order: its final event map, or the error.
    func run(_ requests: [RequestValue]) throws -> [Result<Value, ScriptError>] {
        let start = session.now()
        let deadline = start + settings.timeout
        tracked = requests.map { Tracked(request: $0, due: start) }
        defer { clearProgress() }
        for i in tracked.indices { settle(i, now: start, polled: false) }
        while let next = tracked.filter({ $0.outcome == nil }).map(\.due).min() {
            let now = session.now()
            if now >= deadline {
                for i in tracked.indices where tracked[i].outcome == nil {
                    tracked[i].outcome = .failure(timeout(tracked[i].request))
                }
                break
            }
            if next > now {
                drawProgress(elapsed: now - start)
                try session.pause(min(next - now, deadline - now, Self.sleepSlice), context)
                continue
            }
            for i in tracked.indices where tracked[i].outcome == nil && tracked[i].due <= now {
                try context.checkInterrupted()
                do {
                    if tracked[i].resubmitting {
                        // A resubmission refused at the API is handled like a failed poll.
                        try resubmit(tracked[i].request)
                        tracked[i].resubmitting = false
                        tracked[i].attempt = 0
                        settle(i, now: session.now(), polled: false)
                        continue
                    }
                    let token = tracked[i].request.token
                    let output = try session.call(function) {
                        try $0.getResourceRequestStatus(GetResourceRequestStatusInput(requestToken: token))
                    }
                    tracked[i].request.update(
                        try CloudBuiltins.event(output.progressEvent, function),
                        hooks: output.hooksProgressEvent)
                    tracked[i].failedPolls = 0
                    settle(i, now: session.now(), polled: true)
                } catch let error as ScriptError {
                    if Self.isTransient(error), tracked[i].failedPolls < Self.transientPollLimit {
                        // The poll failed, not the request, which goes on at the service:
                        // failing the wait would leave the script not knowing how it ended.
                        // (A resubmission refused transiently is sent again the same way.)
                        tracked[i].failedPolls += 1
                        tracked[i].due = nextDue(
                            tracked[i].request, attempt: tracked[i].failedPolls, now: session.now())
                    } else {
                        tracked[i].outcome = .failure(error)
                    }
                }
            }
        }
        return tracked.map { $0.outcome ?? .failure(timeout($0.request)) }
    }

    /// Decides what the request's latest event means: done, failed, resubmitted, or due again.
    private func settle(_ i: Int, now: Double, polled: Bool) {
        let request = tracked[i].request
        switch request.event.operationStatus?.rawValue {
        case "SUCCESS":
            session.freshCreates.observe(request.event, at: now)
            tracked[i].outcome = .success(request.event.scriptValue(hooks: request.hooks))
        case "FAILED" where shouldResubmit(request):
            // Sending it again at once would meet the same throttle.
            tracked[i].resubmitting = true
            tracked[i].due = nextDue(request, attempt: request.resubmissions, now: now)
        case "FAILED", "CANCEL_COMPLETE":
            tracked[i].outcome = .failure(CloudErrors.failed(request))
        case nil where !polled:
            // Known only by its token: poll at once.
            tracked[i].due = now
        default:
            tracked[i].due = nextDue(request, attempt: tracked[i].attempt, now: now)
            tracked[i].attempt += 1
        }
    }

    /// Whether a failed call is worth repeating, by botocore's standard-mode rules
    /// (RetryPolicy): a throttling or transient error code, HTTP 500/502/503/504, or no
    /// answer at all (a TransportError: refused, reset or dropped connection, timeout).
    static func isTransient(_ error: ScriptError) -> Bool {
        if RetryPolicy.throttlingErrorCodes.contains(error.code)
            || RetryPolicy.transientErrorCodes.contains(error.code) || error.code == "TransportError"
        {
            return true
        }
        if case .map(let fields)? = error.value, case .int(let status)? = fields.entries["status"] {
            return RetryPolicy.transientStatusCodes.contains(status)
        }
        return false
    }

    private func shouldResubmit(_ request: RequestValue) -> Bool {
        guard let code = request.event.errorCode?.rawValue, Self.transientCodes.contains(code),
            request.resubmission != nil
        else { return false }
        return request.resubmissions < settings.resubmit
    }

    /// Sends the original call again with a new ClientToken (a reused token would return
    /// the failed request, API reference "ClientToken"); with a run id the new token is
    /// derived from the original one and the attempt, so a re-run replays it.
    private func resubmit(_ request: RequestValue) throws {
        let original: String?
        switch request.resubmission {
        case .create(let input)?: original = input.clientToken
        case .update(let input)?: original = input.clientToken
        case .delete(let input)?: original = input.clientToken
        case nil: original = nil
        }
        let token = session.clientTokens.resubmission(of: original, attempt: request.resubmissions + 1)
        let event: ProgressEvent?
        switch request.resubmission {
        case .create(var input)?:
            input.clientToken = token
            event = try session.call(function) { try $0.createResource(input) }.progressEvent
        case .update(var input)?:
            input.clientToken = token
            event = try session.call(function) { try $0.updateResource(input) }.progressEvent
        case .delete(var input)?:
            input.clientToken = token
            event = try session.call(function) { try $0.deleteResource(input) }.progressEvent
        case nil:
            return
        }
        request.resubmissions += 1
        request.restart(try CloudBuiltins.event(event, function))
    }

    /// RetryAfter when the service gave a time in the future (capped at the longest backoff),
    /// else exponential backoff with "equal jitter": half the step fixed, half random.
    private func nextDue(_ request: RequestValue, attempt: Int, now: Double) -> Double {
        if let retryAfter = request.event.retryAfter?.timeIntervalSince1970, retryAfter > now {
            return min(retryAfter, now + Self.maxBackoff)
        }
        let step = min(Self.maxBackoff, Double(1 << min(attempt, 5)))
        return now + step / 2 + session.random() * step / 2
    }

    private func timeout(_ request: RequestValue) -> ScriptError {
        let event = request.event
        let message =
            "\(function): \(event.operation?.rawValue ?? "request") of \(event.typeName ?? "?") (request \(request.token)) still \(event.operationStatus?.rawValue ?? "unknown") after \(formatSeconds(settings.timeout))"
        return CloudErrors.local(CloudErrors.waitTimeout, message, extra: ["request": .object(request)])
    }

    private func drawProgress(elapsed: Double) {
        guard let progress = session.progress else { return }
        let pending = tracked.filter { $0.outcome == nil }
        let line: String
        if tracked.count == 1, let only = pending.first {
            let event = only.request.event
            line =
                "\(event.operation?.rawValue ?? "request") \(event.typeName ?? "") \(event.operationStatus?.rawValue ?? "") \(formatSeconds(elapsed))"
        } else {
            line =
                "\(function): \(tracked.count - pending.count)/\(tracked.count) done, \(pending.count) in progress \(formatSeconds(elapsed))"
        }
        progress("\r\u{1B}[K" + line)
        drewProgress = true
    }

    private func clearProgress() {
        if drewProgress { session.progress?("\r\u{1B}[K") }
    }

    private func formatSeconds(_ seconds: Double) -> String {
        let tenths = Int((seconds * 10).rounded())
        return "\(tenths / 10).\(tenths % 10)s"
    }
}
