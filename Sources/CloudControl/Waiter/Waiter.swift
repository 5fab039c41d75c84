import Foundation

/// Runs a waiter definition against a service (botocore/waiter.py, Waiter.wait): call the
/// operation, try the acceptors in order, stop on success or failure, else pause and retry
/// until the attempt limit. A service error that no acceptor matches ends the wait at once;
/// any other error (transport, validation) is rethrown as is.
///
/// `waitAll` waits for many requests at once, polling each when it is due, and adds what a
/// long-running caller needs through `WaiterOptions` and `WaiterHooks`: RetryAfter and
/// exponential backoff, a time limit, resubmission of failed requests, transient call
/// failures, progress and interruption. `wait` is `waitAll` of one request.
public struct Waiter<Input: CloudControlInput> {
    public var definition: WaiterDefinition
    public var options: WaiterOptions

    public init(definition: WaiterDefinition, options: WaiterOptions = WaiterOptions()) {
        self.definition = definition
        self.options = options
    }

    /// The result of a successful wait: the output of the last attempt (nil if an error
    /// acceptor declared success) and the number of attempts.
    public struct Success {
        public var output: Input.Output?
        public var attempts: Int
    }

    /// Polls `call` with `input` until an acceptor decides; throws `WaiterError` otherwise.
    public func wait(_ input: Input, call: (Input) throws -> Input.Output) throws -> Success {
        try waitAll([WaiterTarget(input: input)]) { _, input in try call(input) }[0].get()
    }

    /// Waits for every target at once: each is polled with `call(index, input)` when it is
    /// due, and the waiter pauses until the earliest due time, so waiting for many takes
    /// about as long as the slowest. Returns each target's outcome, in order: its success, a
    /// `WaiterError`, or the error of its last call. Only what `hooks.beforeCall` or
    /// `options.sleep` throw ends the whole wait.
    public func waitAll(
        _ targets: [WaiterTarget<Input>], hooks: WaiterHooks<Input> = WaiterHooks(),
        call: (_ index: Int, _ input: Input) throws -> Input.Output
    ) throws -> [Result<Success, Error>] {
        var run = WaiterRun(waiter: self, hooks: hooks, targets: targets)
        return try run.run(call)
    }

    /// The pause before the next attempt: until RetryAfter when honoured (see
    /// `WaiterBackoff` for one already past), else the backoff's `step`-th delay.
    func delay(after event: ProgressEvent?, step: Int, now: Double) -> Double {
        if options.honourRetryAfter, let retryAfter = event?.retryAfter?.timeIntervalSince1970 {
            switch options.backoff {
            case .constant:
                return min(max(0, retryAfter - now), options.maxRetryAfterDelay)
            case .exponential where retryAfter > now:
                return min(retryAfter - now, options.maxRetryAfterDelay)
            case .exponential:
                break
            }
        }
        switch options.backoff {
        case .constant:
            return options.delay ?? definition.delay
        case .exponential(let maximum, let random):
            let size = min(maximum, Double(1 << min(step, 5)))
            return size / 2 + random() * size / 2
        }
    }
}

extension CloudControlService {
    /// Waits until the request with `requestToken` succeeds (waiter ResourceRequestSuccess)
    /// and returns its last status; throws `WaiterError` if it fails, is cancelled or does not
    /// finish within the attempt limit.
    public func waitUntilResourceRequestSuccess(
        requestToken: String, options: WaiterOptions = WaiterOptions()
    ) throws -> GetResourceRequestStatusOutput {
        let waiter = Waiter<GetResourceRequestStatusInput>(
            definition: .resourceRequestSuccess, options: options)
        let success = try waiter.wait(GetResourceRequestStatusInput(requestToken: requestToken)) {
            try self.getResourceRequestStatus($0)
        }
        guard let output = success.output else {
            // Only path acceptors declare success here, so the last attempt had an output.
            throw WaiterError(
                waiterName: waiter.definition.name, reason: .unexpectedError, attempts: success.attempts)
        }
        return output
    }
}
