/// An error response of the service: one of the 21 exception types of the model (or an
/// unknown type, kept by name) with its message, HTTP status and request id.
public struct CloudControlError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The error type, from `__type` / `x-amzn-ErrorType` with any `prefix#` stripped.
    public var code: CloudControlErrorCode
    /// The service's message (`Message` or `message` in the body); empty when none was sent.
    public var message: String
    /// The HTTP status of the response.
    public var httpStatus: Int
    /// The `x-amzn-RequestId` of the response, for AWS support.
    public var requestId: String?

    public init(
        code: CloudControlErrorCode, message: String = "", httpStatus: Int? = nil, requestId: String? = nil
    ) {
        self.code = code
        self.message = message
        self.httpStatus = httpStatus ?? code.httpStatus
        self.requestId = requestId
    }

    /// `ThrottlingException: Rate exceeded`, the form `ccs api` prints on stderr.
    public var description: String {
        message.isEmpty ? code.wireName : "\(code.wireName): \(message)"
    }

    /// Throttling, per botocore's standard retry mode.
    public var isThrottling: Bool { code.isThrottling }

    /// A transient error per botocore's standard retry mode: a transient code, or HTTP 500,
    /// 502, 503 or 504.
    public var isTransient: Bool {
        code.isTransient || CloudControlError.transientStatuses.contains(httpStatus)
    }

    /// Whether the standard retry mode retries this error (throttling or transient).
    public var isRetryable: Bool { isThrottling || isTransient }

    /// botocore's transient HTTP statuses (retries/standard.py, TransientRetryableChecker).
    public static let transientStatuses: Set<Int> = [500, 502, 503, 504]
}
