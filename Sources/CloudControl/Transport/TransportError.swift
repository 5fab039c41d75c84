import Foundation

/// A request that never produced a complete HTTP response: the connection could not be made or
/// broke, the exchange timed out, TLS failed, or what came back was not acceptable HTTP.
/// `host` names the server and `cause` the transport's own explanation, so every message says
/// what failed and where.
public struct TransportError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What went wrong, coarse enough for the retry policy to decide on.
    public enum Kind: String, Sendable, Equatable, CaseIterable {
        /// Nothing listens on the port (TCP RST to the SYN).
        case connectionRefused = "connection refused"
        /// The peer reset the connection while sending or receiving.
        case connectionReset = "connection reset"
        /// The connection closed before a complete response arrived.
        case connectionDropped = "connection dropped"
        /// The host name did not resolve.
        case hostNotFound = "host not found"
        /// The connect or the total timeout elapsed.
        case timeout = "timed out"
        /// The TLS handshake or the certificate verification failed.
        case tls = "TLS failure"
        /// The response body exceeded the transport's size limit.
        case responseTooLarge = "response too large"
        /// The bytes received were not a valid HTTP response.
        case malformedResponse = "malformed response"
        /// The request itself could not be sent as given (bad URL, unsupported scheme).
        case invalidRequest = "invalid request"
        /// Any other transport failure.
        case other = "transport failure"
    }

    public var kind: Kind
    /// The host (and port, when one was given) the request was sent to.
    public var host: String
    /// The underlying explanation, e.g. libcurl's error text.
    public var cause: String

    public init(kind: Kind, host: String, cause: String) {
        self.kind = kind
        self.host = host
        self.cause = cause
    }

    /// True for failures of the connection itself (it could not be made, broke or timed out),
    /// as opposed to a reply that arrived but was unacceptable.
    public var isConnectionFailure: Bool {
        switch kind {
        case .connectionRefused, .connectionReset, .connectionDropped, .hostNotFound, .timeout: return true
        case .tls, .responseTooLarge, .malformedResponse, .invalidRequest, .other: return false
        }
    }

    public var description: String { "\(kind.rawValue) talking to \(host): \(cause)" }
}
