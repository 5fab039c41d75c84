import JSONCore

/// What an acceptor concludes when it matches (waiters-2.json `state`).
public enum WaiterState: String, Sendable, Equatable, Hashable {
    /// The wait is over and succeeded.
    case success
    /// The wait is over and failed.
    case failure
    /// Poll again.
    case retry
}

/// A value an acceptor expects (waiters-2.json `expected`: a string, boolean or number).
public enum WaiterExpected: Sendable, Equatable, Hashable, CustomStringConvertible {
    case string(String)
    case bool(Bool)
    case number(Double)

    public var description: String {
        switch self {
        case .string(let text): return text
        case .bool(let flag): return String(flag)
        case .number(let number): return JSONWriter().string(.wireNumber(number))
        }
    }
}

/// How an acceptor looks at an attempt's outcome (waiters-2.json `matcher`).
public enum WaiterMatcher: Sendable, Equatable, Hashable {
    /// The value at a path expression of the output equals `expected`.
    case path(String)
    /// The path yields a non-empty list whose elements all equal `expected`.
    case pathAll(String)
    /// The path yields a list with at least one element equal to `expected`.
    case pathAny(String)
    /// The HTTP status equals `expected` (200 for a successful call).
    case status
    /// The call failed with the error type `expected`.
    case error
}

/// One acceptor of a waiter: a matcher, its expected value and the state it leads to.
public struct WaiterAcceptor: Sendable, Equatable, Hashable {
    public var matcher: WaiterMatcher
    public var expected: WaiterExpected
    public var state: WaiterState

    public init(matcher: WaiterMatcher, expected: WaiterExpected, state: WaiterState) {
        self.matcher = matcher
        self.expected = expected
        self.state = state
    }
}

/// A waiter as data (waiters-2.json): the operation it polls, the delay between attempts, the
/// attempt limit and the acceptors, tried in order on every attempt.
public struct WaiterDefinition: Sendable, Equatable {
    public var name: String
    public var operation: APIOperation
    /// Seconds between attempts.
    public var delay: Double
    public var maxAttempts: Int
    public var acceptors: [WaiterAcceptor]

    public init(
        name: String, operation: APIOperation, delay: Double, maxAttempts: Int, acceptors: [WaiterAcceptor]
    ) {
        self.name = name
        self.operation = operation
        self.delay = delay
        self.maxAttempts = maxAttempts
        self.acceptors = acceptors
    }

    /// `ResourceRequestSuccess` of waiters-2.json: poll GetResourceRequestStatus every 5 s,
    /// at most 24 times; SUCCESS succeeds, FAILED and CANCEL_COMPLETE fail.
    public static let resourceRequestSuccess = WaiterDefinition(
        name: "ResourceRequestSuccess", operation: .getResourceRequestStatus, delay: 5, maxAttempts: 24,
        acceptors: [
            WaiterAcceptor(
                matcher: .path("ProgressEvent.OperationStatus"), expected: .string("SUCCESS"), state: .success
            ),
            WaiterAcceptor(
                matcher: .path("ProgressEvent.OperationStatus"), expected: .string("FAILED"), state: .failure),
            WaiterAcceptor(
                matcher: .path("ProgressEvent.OperationStatus"), expected: .string("CANCEL_COMPLETE"),
                state: .failure),
        ])
}
