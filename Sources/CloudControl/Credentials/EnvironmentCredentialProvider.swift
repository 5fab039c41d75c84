import SigV4

/// `AWS_ACCESS_KEY_ID`, `AWS_SECRET_ACCESS_KEY` and optionally `AWS_SESSION_TOKEN` (or its
/// older name `AWS_SECURITY_TOKEN`), read from the environment given at construction.
public final class EnvironmentCredentialProvider: CredentialProvider, @unchecked Sendable {
    private let environment: [String: String]
    public let sourceDescription = "environment variables (AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY)"

    public init(environment: [String: String]) {
        self.environment = environment
    }

    public func credentials() throws(CredentialError) -> AWSCredentials? {
        try KeyPairReader.read(
            accessKeyId: environment.awsSetting("AWS_ACCESS_KEY_ID"),
            secretAccessKey: environment.awsSetting("AWS_SECRET_ACCESS_KEY"),
            sessionToken: environment.awsSetting("AWS_SESSION_TOKEN")
                ?? environment.awsSetting("AWS_SECURITY_TOKEN"),
            names: ("AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY"), source: "the environment")
    }
}

/// Turns two optional halves of a key pair into credentials, `nil`, or a partial-credentials
/// error naming the missing half and where it was looked for.
enum KeyPairReader {
    static func read(
        accessKeyId: String?, secretAccessKey: String?, sessionToken: String?, names: (String, String),
        source: String
    ) throws(CredentialError) -> AWSCredentials? {
        switch (accessKeyId, secretAccessKey) {
        case (nil, nil):
            return nil
        case (let key?, let secret?):
            return AWSCredentials(accessKeyId: key, secretAccessKey: secret, sessionToken: sessionToken)
        case (nil, _):
            throw CredentialError(
                .partialCredentials, "Partial credentials found in \(source), missing: \(names.0)")
        case (_, nil):
            throw CredentialError(
                .partialCredentials, "Partial credentials found in \(source), missing: \(names.1)")
        }
    }
}
