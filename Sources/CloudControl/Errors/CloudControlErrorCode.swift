/// The exception shapes of the service model (service-2.json, `"exception": true`), plus any
/// other error type the service (or a proxy in front of it) may send, kept by name.
public enum CloudControlErrorCode: Sendable, Hashable, CustomStringConvertible {
    case alreadyExists
    case clientTokenConflict
    case concurrentModification
    case concurrentOperation
    case generalService
    case handlerFailure
    case handlerInternalFailure
    case invalidCredentials
    case invalidRequest
    case networkFailure
    case notStabilized
    case notUpdatable
    case privateType
    case requestTokenNotFound
    case resourceConflict
    case resourceNotFound
    case serviceInternalError
    case serviceLimitExceeded
    case throttling
    case typeNotFound
    case unsupportedAction
    /// An error type the model does not list, by its sanitized wire name.
    case unknown(String)

    /// The 21 exception types of the model, in the model's alphabetical order.
    public static let modeled: [CloudControlErrorCode] = [
        .alreadyExists, .clientTokenConflict, .concurrentModification, .concurrentOperation,
        .generalService, .handlerFailure, .handlerInternalFailure, .invalidCredentials,
        .invalidRequest, .networkFailure, .notStabilized, .notUpdatable, .privateType,
        .requestTokenNotFound, .resourceConflict, .resourceNotFound, .serviceInternalError,
        .serviceLimitExceeded, .throttling, .typeNotFound, .unsupportedAction,
    ]

    /// The code for a sanitized wire name (`ThrottlingException`); unknown names are kept.
    public init(wireName: String) {
        self = Self.byWireName[wireName] ?? .unknown(wireName)
    }

    private static let byWireName: [String: CloudControlErrorCode] = Dictionary(
        uniqueKeysWithValues: modeled.map { ($0.wireName, $0) }
    )

    /// The shape name sent in `__type`, e.g. `ThrottlingException`.
    public var wireName: String {
        switch self {
        case .alreadyExists: return "AlreadyExistsException"
        case .clientTokenConflict: return "ClientTokenConflictException"
        case .concurrentModification: return "ConcurrentModificationException"
        case .concurrentOperation: return "ConcurrentOperationException"
        case .generalService: return "GeneralServiceException"
        case .handlerFailure: return "HandlerFailureException"
        case .handlerInternalFailure: return "HandlerInternalFailureException"
        case .invalidCredentials: return "InvalidCredentialsException"
        case .invalidRequest: return "InvalidRequestException"
        case .networkFailure: return "NetworkFailureException"
        case .notStabilized: return "NotStabilizedException"
        case .notUpdatable: return "NotUpdatableException"
        case .privateType: return "PrivateTypeException"
        case .requestTokenNotFound: return "RequestTokenNotFoundException"
        case .resourceConflict: return "ResourceConflictException"
        case .resourceNotFound: return "ResourceNotFoundException"
        case .serviceInternalError: return "ServiceInternalErrorException"
        case .serviceLimitExceeded: return "ServiceLimitExceededException"
        case .throttling: return "ThrottlingException"
        case .typeNotFound: return "TypeNotFoundException"
        case .unsupportedAction: return "UnsupportedActionException"
        case .unknown(let name): return name
        }
    }

    public var description: String { wireName }

    /// Whether the model marks the shape as a server fault (`"fault": true`); all other
    /// modeled exceptions are client errors.
    public var isFault: Bool {
        switch self {
        case .concurrentModification, .handlerFailure, .handlerInternalFailure, .networkFailure,
            .serviceInternalError:
            return true
        default:
            return false
        }
    }

    /// The HTTP status the service sends this error with, for the emulator. The model carries
    /// no `httpStatusCode` traits, so the awsJson1_0 defaults apply (Smithy `@error`): 400 for
    /// client errors, 500 for faults. ThrottlingException is a client error: 400.
    public var httpStatus: Int {
        isFault ? 500 : 400
    }

    /// Whether the error means the caller was throttled: botocore's standard retry mode's list
    /// of throttling codes (botocore/retries/standard.py, ThrottledRetryableChecker).
    public var isThrottling: Bool {
        Self.throttlingNames.contains(wireName)
    }

    /// Whether the code is one of botocore's transient error codes (TransientRetryableChecker);
    /// transient HTTP statuses are judged on the error's status, not its code.
    public var isTransient: Bool {
        Self.transientNames.contains(wireName)
    }

    private static let throttlingNames: Set<String> = [
        "Throttling", "ThrottlingException", "ThrottledException", "RequestThrottledException",
        "TooManyRequestsException", "ProvisionedThroughputExceededException",
        "TransactionInProgressException", "RequestLimitExceeded", "BandwidthLimitExceeded",
        "LimitExceededException", "RequestThrottled", "SlowDown", "PriorRequestNotComplete",
        "EC2ThrottledException",
    ]

    private static let transientNames: Set<String> = [
        "RequestTimeout", "RequestTimeoutException", "PriorRequestNotComplete",
    ]
}
