import CloudControl
import CloudControlLocal

/// Errors the front end answers itself, before or instead of the engine. They are not among the
/// model's 21 exception types (which the engine raises) but are what AWS's awsJson1_0 front ends
/// send, so clients see the same `__type`s as from the real endpoint.
enum ServerErrors {
    /// The body is not JSON, or a member has the wrong JSON type.
    static func serialization(_ message: String) -> CloudControlError {
        CloudControlError(code: .unknown("SerializationException"), message: message, httpStatus: 400)
    }

    /// A required member is missing: AWS reports constraint violations as ValidationException.
    static func validation(_ message: String) -> CloudControlError {
        CloudControlError(code: .unknown("ValidationException"), message: message, httpStatus: 400)
    }

    /// `X-Amz-Target` names no operation of the service.
    static func unknownOperation(_ message: String, status: Int = 400) -> CloudControlError {
        CloudControlError(code: .unknown("UnknownOperationException"), message: message, httpStatus: status)
    }

    /// The Content-Type is not one the protocol uses (Smithy's server protocol tests expect 415).
    static func unsupportedMediaType(_ message: String) -> CloudControlError {
        CloudControlError(code: .unknown("UnsupportedMediaTypeException"), message: message, httpStatus: 415)
    }

    /// The body exceeds the server's size limit (RFC 9110 §15.5.14).
    static func bodyTooLarge(limit: Int) -> CloudControlError {
        CloudControlError(
            code: .unknown("RequestEntityTooLargeException"),
            message: "The request body exceeds the limit of \(limit) bytes.", httpStatus: 413)
    }

    /// The header section exceeds the server's limits (RFC 6585 §5).
    static func headersTooLarge() -> CloudControlError {
        CloudControlError(
            code: .unknown("RequestHeaderFieldsTooLargeException"),
            message: "A request header field, or the header section as a whole, exceeds the server's size limits.",
            httpStatus: 431)
    }

    /// The bytes are not an HTTP/1.1 request.
    static func malformedHTTP(_ detail: String) -> CloudControlError {
        CloudControlError(
            code: .unknown("BadRequestException"), message: "The request is not well-formed HTTP/1.1: \(detail).",
            httpStatus: 400)
    }

    /// `--rate-limit`: the partition's bucket is empty.
    static func rateExceeded(_ rate: Double, _ partition: AccountRegion) -> CloudControlError {
        CloudControlError(
            code: .throttling,
            message: "Rate exceeded (the emulator's --rate-limit of \(rate == rate.rounded() ? String(Int(rate)) : String(rate)) requests/s for account \(partition.account) in \(partition.region))")
    }

    /// Injected throttling, worded as the service words it.
    static func throttled() -> CloudControlError {
        CloudControlError(code: .throttling, message: "Rate exceeded (injected by --faults throttle)")
    }

    /// Injected server fault.
    static func injectedServerError() -> CloudControlError {
        CloudControlError(
            code: .serviceInternalError, message: "Internal service error (injected by --faults 5xx)")
    }

    /// Anything the engine threw that is not a `CloudControlError`.
    static func internalError(_ error: any Error) -> CloudControlError {
        CloudControlError(code: .serviceInternalError, message: "Internal error of the emulator: \(error)")
    }
}
