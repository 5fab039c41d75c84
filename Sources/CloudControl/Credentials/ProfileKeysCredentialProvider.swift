import SigV4

/// `aws_access_key_id`, `aws_secret_access_key` and `aws_session_token` of the profile, from
/// the shared credentials file or from the config file (two links of the chain).
public final class ProfileKeysCredentialProvider: CredentialProvider, @unchecked Sendable {
    public enum File: Sendable {
        case credentialsFile, configFile
    }

    private let section: SharedConfigFile.Section?
    public let sourceDescription: String

    public init(configuration: SharedConfiguration, file: File) {
        switch file {
        case .credentialsFile:
            section = configuration.credentialsSection
            sourceDescription =
                "shared credentials file \(configuration.credentialsFilePath) [\(configuration.profileName)]"
        case .configFile:
            section = configuration.configSection
            sourceDescription =
                "config file \(configuration.configFilePath) (profile \(configuration.profileName))"
        }
    }

    public func credentials() throws(CredentialError) -> AWSCredentials? {
        func value(_ key: String) -> String? {
            guard let value = section?.values[key], !value.isEmpty else { return nil }
            return value
        }
        return try KeyPairReader.read(
            accessKeyId: value("aws_access_key_id"), secretAccessKey: value("aws_secret_access_key"),
            sessionToken: value("aws_session_token") ?? value("aws_security_token"),
            names: ("aws_access_key_id", "aws_secret_access_key"), source: sourceDescription)
    }
}
