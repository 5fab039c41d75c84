/// The `HandlerErrorCode` enum of the service model: why a resource handler failed, carried
/// in `ProgressEvent.ErrorCode` of a FAILED request.
public struct HandlerErrorCode: OpenStringEnum {
    public let rawValue: String

    public init(rawValue: String) {
        self.rawValue = rawValue
    }

    public static let notUpdatable = HandlerErrorCode(rawValue: "NotUpdatable")
    public static let invalidRequest = HandlerErrorCode(rawValue: "InvalidRequest")
    public static let accessDenied = HandlerErrorCode(rawValue: "AccessDenied")
    public static let unauthorizedTaggingOperation = HandlerErrorCode(
        rawValue: "UnauthorizedTaggingOperation")
    public static let invalidCredentials = HandlerErrorCode(rawValue: "InvalidCredentials")
    public static let alreadyExists = HandlerErrorCode(rawValue: "AlreadyExists")
    public static let notFound = HandlerErrorCode(rawValue: "NotFound")
    public static let resourceConflict = HandlerErrorCode(rawValue: "ResourceConflict")
    public static let throttling = HandlerErrorCode(rawValue: "Throttling")
    public static let serviceLimitExceeded = HandlerErrorCode(rawValue: "ServiceLimitExceeded")
    public static let notStabilized = HandlerErrorCode(rawValue: "NotStabilized")
    public static let generalServiceException = HandlerErrorCode(rawValue: "GeneralServiceException")
    public static let serviceInternalError = HandlerErrorCode(rawValue: "ServiceInternalError")
    public static let serviceTimeout = HandlerErrorCode(rawValue: "ServiceTimeout")
    public static let networkFailure = HandlerErrorCode(rawValue: "NetworkFailure")
    public static let internalFailure = HandlerErrorCode(rawValue: "InternalFailure")

    public static let knownValues: [HandlerErrorCode] = [
        .notUpdatable, .invalidRequest, .accessDenied, .unauthorizedTaggingOperation, .invalidCredentials,
        .alreadyExists, .notFound, .resourceConflict, .throttling, .serviceLimitExceeded, .notStabilized,
        .generalServiceException, .serviceInternalError, .serviceTimeout, .networkFailure, .internalFailure,
    ]
}
