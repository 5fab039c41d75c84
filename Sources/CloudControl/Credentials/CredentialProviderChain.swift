import SigV4

/// Asks each provider in turn; the first that has credentials wins. A provider that throws
/// stops the chain: its source is configured but broken. When none has credentials,
/// `resolve()` says which were tried.
public final class CredentialProviderChain: CredentialProvider, @unchecked Sendable {
    public let providers: [any CredentialProvider]
    public var sourceDescription: String { "credential chain" }

    public init(providers: [any CredentialProvider]) {
        self.providers = providers
    }

    public func credentials() throws(CredentialError) -> AWSCredentials? {
        for provider in providers {
            if let credentials = try provider.credentials() {
                return credentials
            }
        }
        return nil
    }

    public var sourceDescriptions: [String] { providers.flatMap(\.sourceDescriptions) }
}
