import Foundation
import NIOCore

/// Failures of the server itself (not of a request).
public enum HTTPServerError: Error, CustomStringConvertible, Equatable {
    /// The address could not be bound (in use, not local, not permitted); `reason` is NIO's.
    case bindFailed(host: String, port: Int, reason: String)

    public var description: String {
        switch self {
        case .bindFailed(let host, let port, let reason):
            return "cannot listen on \(host):\(port): \(reason)"
        }
    }
}

extension HTTPServerError {
    /// Why a bind failed, in words a user can act on, instead of NIO's
    /// `bind(descriptor:ptr:bytes:): Address already in use (errno: 98)`.
    static func bindFailureReason(_ error: Error) -> String {
        guard let failure = error as? IOError else { return "\(error)" }
        switch failure.errnoCode {
        case EADDRINUSE:
            return "the port is already in use by another process (choose another with --port, or --port 0 for a free one)"
        case EADDRNOTAVAIL:
            return "the address is not one of this machine's (use 127.0.0.1, ::1 or 0.0.0.0)"
        case EACCES:
            return "permission denied (ports below 1024 need privileges; choose a higher --port)"
        default:
            return String(cString: strerror(failure.errnoCode))
        }
    }
}
