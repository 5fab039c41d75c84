import Foundation

/// An output that carries a ProgressEvent, so a waiter can report the last one.
public protocol ProgressEventOutput {
    var progressEvent: ProgressEvent? { get }
}

extension CreateResourceOutput: ProgressEventOutput {}
extension UpdateResourceOutput: ProgressEventOutput {}
extension DeleteResourceOutput: ProgressEventOutput {}
extension CancelResourceRequestOutput: ProgressEventOutput {}
extension GetResourceRequestStatusOutput: ProgressEventOutput {}

/// How long a waiter pauses before polling again when no RetryAfter decides it.
public enum WaiterBackoff {
    /// The same delay every time: `WaiterOptions.delay`, else the definition's (AWS SDK
    /// waiters). An honoured RetryAfter already past means "poll now" (a 0 s pause).
    case constant
    /// Doubling from 1 s (the first retry) up to `maximum`, with "equal jitter": half of each
    /// step fixed, half scaled by `random()` in 0..<1. An honoured RetryAfter counts only
    /// while it is ahead: the event it came from may be older than the attempt that failed,
    /// and a stale hint must not make the waiter poll in a tight loop.
    case exponential(maximum: Double, random: () -> Double)
}

/// How a waiter runs: overrides of the definition's delay and attempt limit, whether to
/// honour the service's RetryAfter, the backoff, an overall time limit, and the clock and
/// sleep it uses (tests inject both).
public struct WaiterOptions {
    /// Seconds between attempts; the definition's delay when nil.
    public var delay: Double?
    /// The attempt limit; the definition's when nil.
    public var maxAttempts: Int?
    /// When a progress event carries RetryAfter, wait until then instead of the backoff
    /// (capped at `maxRetryAfterDelay`); AWS SDK waiters ignore it.
    public var honourRetryAfter: Bool
    /// The longest wait a RetryAfter can ask for, in seconds.
    public var maxRetryAfterDelay: Double
    /// Blocks for the given seconds; what it throws ends the whole wait (Ctrl-C).
    public var sleep: (Double) throws -> Void
    /// The current time, to turn RetryAfter into a delay and to schedule attempts.
    public var now: () -> Date
    /// The pause between attempts when no RetryAfter decides it.
    public var backoff: WaiterBackoff
    /// Seconds after which requests still unfinished fail with `WaiterError.Reason.timedOut`;
    /// none when nil (the attempt limit still applies).
    public var timeout: Double?
    /// The longest single `sleep`, so a caller's progress display (`WaiterHooks.pausing`)
    /// is redrawn at least that often; one sleep per pause when nil.
    public var maxPause: Double?
    /// Consecutive calls of one request that may fail with an error `WaiterHooks.isTransient`
    /// accepts, each followed by a backoff pause, before that error ends its wait.
    public var transientErrorLimit: Int

    public init(
        delay: Double? = nil, maxAttempts: Int? = nil, honourRetryAfter: Bool = false,
        maxRetryAfterDelay: Double = 120,
        sleep: @escaping (Double) throws -> Void = { Thread.sleep(forTimeInterval: $0) },
        now: @escaping () -> Date = { Date() },
        backoff: WaiterBackoff = .constant, timeout: Double? = nil, maxPause: Double? = nil,
        transientErrorLimit: Int = 0
    ) {
        self.delay = delay
        self.maxAttempts = maxAttempts
        self.honourRetryAfter = honourRetryAfter
        self.maxRetryAfterDelay = maxRetryAfterDelay
        self.sleep = sleep
        self.now = now
        self.backoff = backoff
        self.timeout = timeout
        self.maxPause = maxPause
        self.transientErrorLimit = transientErrorLimit
    }
}

/// One request a waiter waits for: the input that polls it and, when known without a call,
/// its latest outcome (the first event of a create), which the acceptors judge before any
/// poll: a finished one ends the wait without a call or a pause. Without one, or when it is
/// unfinished and its honoured RetryAfter is already past, the first poll is sent at once.
public struct WaiterTarget<Input: CloudControlInput> {
    public var input: Input
    public var known: Input.Output?

    public init(input: Input, known: Input.Output? = nil) {
        self.input = input
        self.known = known
    }
}

/// Sending a request again after a failure acceptor matched (a create that failed with
/// Throttling, sent again with a fresh ClientToken).
public struct WaiterResubmission<Input: CloudControlInput> {
    /// How many times the request was sent again before: the backoff step of the pause
    /// before this resubmission.
    public var previous: Int
    /// Sends the request again and returns the new one to wait for; an error counts as a
    /// failed call (retried when transient, else the request's outcome).
    public var send: () throws -> WaiterTarget<Input>

    public init(previous: Int, send: @escaping () throws -> WaiterTarget<Input>) {
        self.previous = previous
        self.send = send
    }
}

/// What a caller adds to a waiter's loop; every hook does nothing by default.
public struct WaiterHooks<Input: CloudControlInput> {
    /// Runs before every call (poll or resubmission); what it throws ends the whole wait.
    public var beforeCall: () throws -> Void = {}
    /// Runs before every pause with the seconds since the wait began and how many requests
    /// are still pending (a progress line).
    public var pausing: (_ elapsed: Double, _ pending: Int) -> Void = { _, _ in }
    /// Whether a call's error that no acceptor matches is a failed call worth repeating
    /// (throttling, a dropped connection), up to `WaiterOptions.transientErrorLimit` in a row.
    public var isTransient: (Error) -> Bool = { _ in false }
    /// For request `index` whose output matched a failure acceptor: how to send it again, or
    /// nil to let it fail.
    public var resubmission: (_ index: Int, _ failed: Input.Output) -> WaiterResubmission<Input>? = { _, _ in
        nil
    }
    /// Request `index` succeeded at `time` (seconds since 1970).
    public var succeeded: (_ index: Int, _ time: Double) -> Void = { _, _ in }

    public init() {}
}
