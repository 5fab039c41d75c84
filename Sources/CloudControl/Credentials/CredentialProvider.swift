import SigV4

/// One source of AWS credentials (environment, a profile's keys, a command, an endpoint).
///
/// `credentials()` returns `nil` when the source is not configured at all, so that a chain
/// moves on to the next source, and throws when it is configured but broken (a profile with
/// half a key pair, a failing `credential_process`), so that a misconfiguration is reported
/// instead of silently falling through to other credentials — the CLI's behaviour.
public protocol CredentialProvider: AnyObject {
    /// Names the source for "tried …" messages, e.g. `environment variables`.
    var sourceDescription: String { get }
    /// Every source this provider consults, in order: a chain lists its links, a cache the
    /// sources of what it wraps. Defaults to `[sourceDescription]`.
    var sourceDescriptions: [String] { get }
    func credentials() throws(CredentialError) -> AWSCredentials?
}

extension CredentialProvider {
    public var sourceDescriptions: [String] { [sourceDescription] }

    /// The credentials, or `noCredentials` listing every source tried — what a client calls
    /// before each attempt.
    public func resolve() throws(CredentialError) -> AWSCredentials {
        if let credentials = try credentials() { return credentials }
        let tried = sourceDescriptions.map { "  - \($0)" }.joined(separator: "\n")
        throw CredentialError(.noCredentials, "Unable to locate credentials. Tried, in order:\n\(tried)")
    }
}
