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
