/// A waiter that ended without success.
public struct WaiterError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Reason: Sendable, Equatable {
        /// An acceptor with state `failure` matched.
        case failureState(WaiterAcceptor)
        /// `maxAttempts` attempts matched no terminal acceptor.
        case maxAttemptsExceeded
        /// The call failed with an error that no acceptor matches.
        case unexpectedError
        /// `WaiterOptions.timeout` seconds passed before an acceptor decided.
        case timedOut(seconds: Double)
    }

    /// The waiter's name, e.g. `ResourceRequestSuccess`.
    public var waiterName: String
    public var reason: Reason
    /// How many attempts were made.
    public var attempts: Int
    /// The last attempt's progress event, with its OperationStatus, ErrorCode and
    /// StatusMessage; nil when the last attempt failed or returned none.
    public var lastProgressEvent: ProgressEvent?
    /// The last attempt's error, when it failed.
    public var lastError: CloudControlError?

    public init(
        waiterName: String, reason: Reason, attempts: Int, lastProgressEvent: ProgressEvent? = nil,
        lastError: CloudControlError? = nil
    ) {
        self.waiterName = waiterName
        self.reason = reason
        self.attempts = attempts
        self.lastProgressEvent = lastProgressEvent
        self.lastError = lastError
    }

    public var description: String {
        let head = "Waiter \(waiterName) "
        switch reason {
        case .failureState(let acceptor):
            var text = head + "failed: "
            if let event = lastProgressEvent {
                text += "request \(event.requestToken ?? "?") ended with status "
                text += event.operationStatus?.rawValue ?? acceptor.expected.description
                if let code = event.errorCode { text += " (\(code.rawValue))" }
                if let message = event.statusMessage, !message.isEmpty { text += ": \(message)" }
            } else if let error = lastError {
                text += "\(error)"
            } else {
                text += "matched \(acceptor.expected)"
            }
            return text
        case .maxAttemptsExceeded:
            let status = lastProgressEvent?.operationStatus.map { "; last status \($0.rawValue)" } ?? ""
            return head + "gave up after \(attempts) attempts\(status)"
        case .unexpectedError:
            return head + "stopped on an unexpected error: " + (lastError.map { "\($0)" } ?? "unknown")
        case .timedOut(let seconds):
            let status = lastProgressEvent?.operationStatus.map { "; last status \($0.rawValue)" } ?? ""
            return head + "timed out after \(seconds) s\(status)"
        }
    }
}
