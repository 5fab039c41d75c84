/// Why credentials could not be obtained. Messages name the source (file, profile, command,
/// endpoint) and never contain a secret access key or session token.
public struct CredentialError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Kind: String, Sendable, Equatable {
        /// No source in the chain had credentials.
        case noCredentials
        /// A source had some of the keys but not all (e.g. an access key without its secret).
        case partialCredentials
        /// `credential_process` could not run, failed, or printed something unusable.
        case processFailed
        /// The container credentials endpoint was misconfigured or answered badly.
        case containerFailed
        /// The instance metadata service answered badly.
        case instanceMetadataFailed
        /// Cached temporary credentials expired and could not be refreshed.
        case expired
        /// STS refused AssumeRole, or could not be reached.
        case assumeRoleFailed
        /// AssumeRoleWithWebIdentity failed, or its token file could not be read.
        case webIdentityFailed
        /// IAM Identity Center: no usable token in the SSO cache, or the portal refused it.
        case ssoFailed
        /// The shared configuration itself was wrong (see `ConfigurationError`).
        case configuration
    }

    public let kind: Kind
    public let message: String

    public init(_ kind: Kind, _ message: String) {
        self.kind = kind
        self.message = message
    }

    public var description: String { message }
}
