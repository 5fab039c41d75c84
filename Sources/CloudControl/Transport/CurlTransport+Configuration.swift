import Foundation

extension CurlTransport {
    /// Settings fixed for the lifetime of one transport.
    public struct Configuration: Sendable {
        /// The User-Agent header, `ccs/<version>` for the command-line tool.
        public var userAgent: String
        /// Time allowed to establish the TCP (and TLS) connection; 0 for none.
        public var connectTimeout: TimeInterval
        /// How long the server may send nothing (no byte of the response) before the attempt
        /// fails, as the AWS CLI's `cli_read_timeout`; 0 for none.
        public var readTimeout: TimeInterval
        /// Time allowed for the whole exchange, unless `send` is given its own timeout; 0 for
        /// none.
        public var totalTimeout: TimeInterval
        /// A PEM file of CA certificates to verify servers with instead of the system store
        /// (`AWS_CA_BUNDLE`, `ca_bundle` in the profile). Verification itself is always on.
        public var caBundlePath: String?
        /// Responses whose body grows past this many bytes are aborted with
        /// `TransportError.Kind.responseTooLarge`. Cloud Control responses are small (a page of
        /// ListResources is well under 1 MiB); the default leaves wide headroom.
        public var maxResponseBytes: Int
        /// How many requests may run at once, each on its own kept-alive connection; further
        /// callers wait. One call of the client sends one request at a time.
        public var maxConnections: Int
        /// Proxies, normally read from the environment.
        public var proxies: ProxySettings
        /// Receives every exchange, secrets redacted (for `--debug`).
        public var debugHook: (@Sendable (HTTPExchange) -> Void)?

        public init(
            userAgent: String,
            connectTimeout: TimeInterval = 10,
            readTimeout: TimeInterval = 0,
            totalTimeout: TimeInterval = 60,
            caBundlePath: String? = nil,
            maxResponseBytes: Int = 16 * 1024 * 1024,
            maxConnections: Int = 4,
            proxies: ProxySettings = ProxySettings(environment: ProcessInfo.processInfo.environment),
            debugHook: (@Sendable (HTTPExchange) -> Void)? = nil
        ) {
            self.userAgent = userAgent
            self.connectTimeout = connectTimeout
            self.readTimeout = readTimeout
            self.totalTimeout = totalTimeout
            self.caBundlePath = caBundlePath
            self.maxResponseBytes = maxResponseBytes
            self.maxConnections = maxConnections
            self.proxies = proxies
            self.debugHook = debugHook
        }
    }
}
