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
        case let error as WireInputError:
            message = "ccs api: \(error)"
            exitCode = ApiFailure.usage
        case let error as ParameterValidationError:
            message = "ccs api: \(error)"
            exitCode = ApiFailure.usage
        case let error as DesiredStateFileError:
            message = "ccs api: \(error)"
            exitCode = ApiFailure.usage
        case let error as ConfigurationError:
            message = "ccs api: \(error)"
            exitCode = ApiFailure.configuration
        case let error as CredentialError:
            message = "ccs api: \(error)"
            exitCode = ApiFailure.configuration
        case let error as EndpointError:
            message = "ccs api: \(error)"
            exitCode = ApiFailure.configuration
        default:
            message = "ccs api: \(error)"
            exitCode = ApiFailure.other
        }
    }
}
