/// What one failed attempt looked like, reduced to what the retry decision needs. The client
/// builds this from a `TransportError` or from an HTTP error response.
public enum RetryFailure: Sendable, Equatable {
    /// The service answered with an error: its HTTP status and the error code (the `__type`
    /// with any `prefix#` stripped), when one could be read.
    case service(status: Int, code: String?)
    /// No complete response: the connection failed, broke or timed out.
    case transport(TransportError.Kind)

    var isTimeout: Bool {
        if case .transport(.timeout) = self { return true }
        return false
    }
}
