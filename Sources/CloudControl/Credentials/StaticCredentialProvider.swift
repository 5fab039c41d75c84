import SigV4

/// Credentials given explicitly (by the program, or a test), first in the chain.
public final class StaticCredentialProvider: CredentialProvider, @unchecked Sendable {
    private let stored: AWSCredentials
    public let sourceDescription: String

    public init(_ credentials: AWSCredentials, sourceDescription: String = "explicit credentials") {
        self.stored = credentials
        self.sourceDescription = sourceDescription
    }

    public func credentials() throws(CredentialError) -> AWSCredentials? { stored }
}
