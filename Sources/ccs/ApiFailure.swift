import CloudControl
import Foundation

/// How `ccs api` reports an error: the line on stderr and the exit status (docs/CLI.md,
/// "ccs api"). The statuses 253/254/255 are the AWS CLI v2's for configuration errors, service
/// errors and everything else.
struct ApiFailure {
    let message: String
    let exitCode: Int32

    static let usage: Int32 = 2
    static let configuration: Int32 = 253
    static let service: Int32 = 254
    static let other: Int32 = 255

    init(_ error: Error) {
        switch error {
        case let error as CloudControlError:
            // `ErrorType: message`, the form the AWS CLI prints after "An error occurred".
            message = "\(error)"
            exitCode = ApiFailure.service
        case let error as ApiUsageError:
            message = "ccs api: \(error.message)"
            exitCode = ApiFailure.usage
        default:
            message = "ccs api: \(error)"
            exitCode = ApiFailure.exitCode(of: error)
        }
    }

    /// The status of an error that is not the service's: input the call cannot take is a
    /// usage error; settings, credentials and endpoints that cannot be resolved are
    /// configuration errors; anything else (transport, decoding) is "other".
    private static func exitCode(of error: Error) -> Int32 {
        switch error {
        case is WireInputError, is ParameterValidationError, is DesiredStateFileError: return usage
        case is ConfigurationError, is CredentialError, is EndpointError: return configuration
        default: return other
        }
    }
}
