import JSONCore
import CCSLanguage
import CloudControl
import Foundation
import OrderedCollections

/// `wait` and `wait_all` over CloudControl's `Waiter` (waiter ResourceRequestSuccess), which
/// polls every request when it is due and pauses until the earliest due time, so waiting for
/// many takes about as long as the slowest. What the built-ins add through its options and
/// hooks:
/// - a request is due at its event's RetryAfter when the service gave one (no SDK waiter
///   honours it; Cloud Control sends it on every unfinished event), otherwise after a backoff
///   that doubles from 1 s up to 30 s with jitter; the whole wait ends after `timeout`;
/// - a FAILED event whose ErrorCode is Throttling, ServiceInternalError or NetworkFailure is
///   a transient failure (Cloud Control reports throttling of an accepted request this way;
///   DESIGN.md "Known pain points"): after a pause (the event's RetryAfter, else the same
///   backoff counted in resubmissions), the original call is sent again with a fresh
///   ClientToken, up to `resubmit` times;
/// - a poll that fails transiently (after the client's own retries) is repeated, up to
///   `transientPollLimit` times in a row, since the request goes on at the service;
/// - Ctrl-C is checked before every call and ends every pause (the language's uncatchable
///   `ScriptInterrupted`), and a progress line is redrawn while it waits.
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

    private let session: CloudSession
    private let context: CallContext
    private let settings: Settings
    private let function: String
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
        let session = self.session
        let context = self.context
        let function = self.function
        let options = WaiterOptions(
            maxAttempts: .max, honourRetryAfter: true, maxRetryAfterDelay: Self.maxBackoff,
            sleep: { try session.pause($0, context) }, now: { Date(timeIntervalSince1970: session.now()) },
            backoff: .exponential(maximum: Self.maxBackoff, random: session.random),
            timeout: settings.timeout,
            maxPause: Self.sleepSlice, transientErrorLimit: Self.transientPollLimit)
        var hooks = WaiterHooks<GetResourceRequestStatusInput>()
        hooks.beforeCall = { try context.checkInterrupted() }
        hooks.isTransient = { error in (error as? ScriptError).map(Self.isTransient) ?? false }
        hooks.pausing = { [unowned self] elapsed, pending in
            drawProgress(requests, elapsed: elapsed, pending: pending)
        }
        hooks.succeeded = { i, time in session.freshCreates.observe(requests[i].event, at: time) }
        hooks.resubmission = { [unowned self] i, _ in resubmission(of: requests[i]) }
        defer { clearProgress() }
        let waiter = Waiter<GetResourceRequestStatusInput>(
            definition: .resourceRequestSuccess, options: options)
        let outcomes = try waiter.waitAll(requests.map(Self.target), hooks: hooks) { i, input in
            // Each request is polled in the session it was made in (wait_all may mix them).
            let output = try (requests[i].origin ?? session).call(function) { try $0.getResourceRequestStatus(input) }
            requests[i].update(
                try CloudBuiltins.event(output.progressEvent, function), hooks: output.hooksProgressEvent)
            return output
        }
        return zip(outcomes, requests).map { outcome, request in
            switch outcome {
            case .success:
                if let stale = request.refreshesOnSuccess {
                    do {
                        try refresh(stale, as: request)
                        request.refreshesOnSuccess = nil
                    } catch {
                        var failure = (error as? ScriptError) ?? CloudErrors.api(error, in: function)
                        failure.message =
                            "the update of \(stale.resourceType) '\(stale.identifier)' succeeded, but reading it again failed: "
                            + failure.message
                        return .failure(failure)
                    }
                }
                return .success(request.event.scriptValue(hooks: request.hooks))
            case .failure(let error as WaiterError):
                switch error.reason {
                case .failureState: return .failure(CloudErrors.failed(request))
                case .timedOut: return .failure(timeout(request))
                case .maxAttemptsExceeded, .unexpectedError:
                    return .failure(CloudErrors.api(error, in: function))
                }
            case .failure(let error):
                return .failure(CloudErrors.api(error, in: function))
            }
        }
    }

    /// Reads a patched resource again after its update succeeded (one GetResource), with
    /// the role and type version the update was sent with.
    private func refresh(_ resource: ResourceValue, as request: RequestValue) throws {
        var options: OrderedDictionary<String, Value> = [:]
        if case .update(let input)? = request.resubmission {
            if let role = input.roleArn { options["role_arn"] = .string(role) }
            if let version = input.typeVersionId { options["type_version_id"] = .string(version) }
        }
        let opts = try CallOptions(
            [.map(MapBox(options))], 0, function: function, allowed: CloudBuiltins.readOptions)
        // Read where the update was made: the request's session (account, region), whichever
        // session's `wait` is running.
        resource.replaceProperties(
            with: try CloudBuiltins.read(
                resource.resourceType, resource.identifier, opts, request.origin ?? session, context, function))
    }

    /// What the waiter polls for a request, and its latest event unless it is known only by
    /// its token (then the first poll goes out at once).
    private static func target(_ request: RequestValue) -> WaiterTarget<GetResourceRequestStatusInput> {
        WaiterTarget(
            input: GetResourceRequestStatusInput(requestToken: request.token),
            known: request.event.operationStatus == nil
                ? nil
                : GetResourceRequestStatusOutput(
                    progressEvent: request.event, hooksProgressEvent: request.hooks))
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

    /// How to send a request again after a FAILED event with a transient ErrorCode, when ccs
    /// sent it and `resubmit` allows another; nil otherwise.
    private func resubmission(of request: RequestValue) -> WaiterResubmission<GetResourceRequestStatusInput>?
    {
        guard request.event.operationStatus?.rawValue == "FAILED",
            let code = request.event.errorCode?.rawValue, Self.transientCodes.contains(code),
            request.resubmission != nil, request.resubmissions < settings.resubmit
        else { return nil }
        // A FAILED Throttling event is the service's throttle too: the session's adaptive
        // limiter slows down before the request is sent again.
        if code == "Throttling" { (request.origin ?? session).rateLimiter?.record(throttled: true) }
        return WaiterResubmission(previous: request.resubmissions) { [unowned self] in
            try resubmit(request)
            return Self.target(request)
        }
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
        let session = request.origin ?? self.session
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

    private func timeout(_ request: RequestValue) -> ScriptError {
        let event = request.event
        let message =
            "\(function): \(event.operation?.rawValue ?? "request") of \(event.typeName ?? "?") (request \(request.token)) still \(event.operationStatus?.rawValue ?? "unknown") after \(formatSeconds(settings.timeout))"
        return CloudErrors.local(CloudErrors.waitTimeout, message, extra: ["request": .object(request)])
    }

    private func drawProgress(_ requests: [RequestValue], elapsed: Double, pending: Int) {
        guard let progress = session.progress else { return }
        let line: String
        if requests.count == 1, pending == 1 {
            let event = requests[0].event
            line =
                "\(event.operation?.rawValue ?? "request") \(event.typeName ?? "") \(event.operationStatus?.rawValue ?? "") \(formatSeconds(elapsed))"
        } else {
            line =
                "\(function): \(requests.count - pending)/\(requests.count) done, \(pending) in progress \(formatSeconds(elapsed))"
        }
        // The type name and status come from the service; the line goes to a terminal.
        progress("\r\u{1B}[K" + TerminalText.escaped(line))
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
