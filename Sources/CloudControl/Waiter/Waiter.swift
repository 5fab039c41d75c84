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

/// How a waiter runs: overrides of the definition's delay and attempt limit, whether to
/// honour the service's RetryAfter, and the clock and sleep it uses (tests inject both).
public struct WaiterOptions {
    /// Seconds between attempts; the definition's delay when nil.
    public var delay: Double?
    /// The attempt limit; the definition's when nil.
    public var maxAttempts: Int?
    /// When a progress event carries RetryAfter, wait until then instead of `delay`
    /// (capped at `maxRetryAfterDelay`); AWS SDK waiters ignore it.
    public var honourRetryAfter: Bool
    /// The longest wait a RetryAfter can ask for, in seconds.
    public var maxRetryAfterDelay: Double
    /// Blocks for the given seconds.
    public var sleep: (Double) throws -> Void
    /// The current time, to turn RetryAfter into a delay.
    public var now: () -> Date

    public init(
        delay: Double? = nil, maxAttempts: Int? = nil, honourRetryAfter: Bool = false,
        maxRetryAfterDelay: Double = 120,
        sleep: @escaping (Double) throws -> Void = { Thread.sleep(forTimeInterval: $0) },
        now: @escaping () -> Date = { Date() }
    ) {
        self.delay = delay
        self.maxAttempts = maxAttempts
        self.honourRetryAfter = honourRetryAfter
        self.maxRetryAfterDelay = maxRetryAfterDelay
        self.sleep = sleep
        self.now = now
    }
}

/// Runs a waiter definition against a service (botocore/waiter.py, Waiter.wait): call the
/// operation, try the acceptors in order, stop on success or failure, else sleep and retry
/// until the attempt limit. A service error that no acceptor matches ends the wait at once;
/// any other error (transport, validation) is rethrown as is.
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
        let maxAttempts = max(1, options.maxAttempts ?? definition.maxAttempts)
        let evaluator = AcceptorEvaluator()
        var attempts = 0
        while true {
            attempts += 1
            var output: Input.Output?
            var serviceError: CloudControlError?
            let outcome: AcceptorEvaluator.Outcome
            do {
                let result = try call(input)
                output = result
                outcome = .output(try CloudControlWire.wireEncoder.encode(result))
            } catch let error as CloudControlError {
                serviceError = error
                outcome = .error(error)
            }
            let event = (output as? ProgressEventOutput)?.progressEvent
            let matched = definition.acceptors.first { evaluator.matches($0, outcome) }
            if let matched {
                switch matched.state {
                case .success:
                    return Success(output: output, attempts: attempts)
                case .failure:
                    throw WaiterError(
                        waiterName: definition.name, reason: .failureState(matched), attempts: attempts,
                        lastProgressEvent: event, lastError: serviceError)
                case .retry:
                    break
                }
            } else if let serviceError {
                throw WaiterError(
                    waiterName: definition.name, reason: .unexpectedError, attempts: attempts,
                    lastError: serviceError)
            }
            if attempts >= maxAttempts {
                throw WaiterError(
                    waiterName: definition.name, reason: .maxAttemptsExceeded, attempts: attempts,
                    lastProgressEvent: event, lastError: serviceError)
            }
            try options.sleep(delay(after: event))
        }
    }

    /// The definition's (or overridden) delay, or the time until RetryAfter when honoured.
    func delay(after event: ProgressEvent?) -> Double {
        let fixed = options.delay ?? definition.delay
        guard options.honourRetryAfter, let retryAfter = event?.retryAfter else { return fixed }
        let wait = retryAfter.timeIntervalSince(options.now())
        return min(max(0, wait), options.maxRetryAfterDelay)
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
