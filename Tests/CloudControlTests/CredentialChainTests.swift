import Foundation
import Testing

@testable import CloudControl

/// The standard chain's sources and their precedence, from temporary files and environment
/// dictionaries. Instance metadata is disabled and no container variables are set, so the
/// transport must never be used; `NoNetworkTransport` fails the test if it is.
struct CredentialChainTests {
    static let secret = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"

    final class NoNetworkTransport: HTTPTransport {
        func send(_ request: HTTPRequest, timeout: TimeInterval?) throws -> HTTPResponse {
            Issue.record("the credential chain tried the network: \(request.method) \(request.url)")
            throw CredentialError(.noCredentials, "no network in this test")
        }

        func close() {}
    }

    static func chain(
        _ files: CredentialsTestFiles, profile: String? = nil, explicit: AWSCredentials? = nil,
        _ environment: [String: String] = [:]
    ) throws -> CachingCredentialProvider {
        CredentialProviderChain.standard(
            explicit: explicit, configuration: try files.configuration(profile: profile, environment),
            environment: files.environment(environment), transport: NoNetworkTransport())
    }

    static let environmentKeys = ["AWS_ACCESS_KEY_ID": "AKIDENV", "AWS_SECRET_ACCESS_KEY": "env-secret"]

    static func allFiles() throws -> CredentialsTestFiles {
        let files = try CredentialsTestFiles()
        try files.write(
            "credentials",
            """
            [default]
            aws_access_key_id = AKIDCREDFILE
            aws_secret_access_key = credfile-secret
            aws_session_token = credfile-token

            [dev]
            aws_access_key_id = AKIDDEVCRED
            aws_secret_access_key = dev-secret
            """)
        try files.write(
            "config",
            """
            [default]
            aws_access_key_id = AKIDCONFIG
            aws_secret_access_key = config-secret

            [profile dev]
            region = eu-west-3

            [profile config-only]
            aws_access_key_id = AKIDCONFIGONLY
            aws_secret_access_key = config-only-secret
            """)
        return files
    }

    @Test func explicitCredentialsComeFirst() throws {
        let explicit = AWSCredentials(accessKeyId: "AKIDEXPLICIT", secretAccessKey: "s")
        let credentials = try Self.chain(Self.allFiles(), explicit: explicit, Self.environmentKeys)
            .credentials()
        #expect(credentials?.accessKeyId == "AKIDEXPLICIT")
    }

    @Test func environmentComesBeforeFiles() throws {
        let credentials = try Self.chain(
            Self.allFiles(), Self.environmentKeys.merging(["AWS_SESSION_TOKEN": "env-token"]) { $1 }
        ).credentials()
        #expect(
            credentials
                == AWSCredentials(
                    accessKeyId: "AKIDENV", secretAccessKey: "env-secret", sessionToken: "env-token"))
    }

    @Test func theOlderSecurityTokenVariableIsAccepted() throws {
        let credentials = try Self.chain(
            CredentialsTestFiles(), Self.environmentKeys.merging(["AWS_SECURITY_TOKEN": "old-token"]) { $1 }
        ).credentials()
        #expect(credentials?.sessionToken == "old-token")
    }

    @Test func anExplicitProfileSkipsEnvironmentCredentialsButAWSProfileDoesNot() throws {
        let files = try Self.allFiles()
        #expect(
            try Self.chain(files, profile: "dev", Self.environmentKeys).credentials()?.accessKeyId
                == "AKIDDEVCRED")
        let fromEnvironmentProfile = try Self.chain(
            files, Self.environmentKeys.merging(["AWS_PROFILE": "dev"]) { $1 })
        #expect(try fromEnvironmentProfile.credentials()?.accessKeyId == "AKIDENV")
    }

    @Test func theCredentialsFileComesBeforeTheConfigFile() throws {
        let credentials = try Self.chain(Self.allFiles()).credentials()
        #expect(
            credentials
                == AWSCredentials(
                    accessKeyId: "AKIDCREDFILE", secretAccessKey: "credfile-secret",
                    sessionToken: "credfile-token"))
    }

    @Test func theConfigFileKeysAreUsedWhenTheCredentialsFileHasNone() throws {
        let credentials = try Self.chain(Self.allFiles(), profile: "config-only").credentials()
        #expect(credentials?.accessKeyId == "AKIDCONFIGONLY")
        #expect(credentials?.secretAccessKey == "config-only-secret")
    }

    @Test func partialCredentialsAreAnErrorNamingTheMissingKey() throws {
        #expect(
            throws: CredentialError(
                .partialCredentials,
                "Partial credentials found in the environment, missing: AWS_SECRET_ACCESS_KEY")
        ) { try Self.chain(CredentialsTestFiles(), ["AWS_ACCESS_KEY_ID": "AKIDENV"]).credentials() }

        let files = try CredentialsTestFiles()
        try files.write("credentials", "[default]\naws_secret_access_key = \(Self.secret)\n")
        let chain = try Self.chain(files)
        do {
            _ = try chain.credentials()
            Issue.record("half a key pair was accepted")
        } catch {
            #expect(error.kind == .partialCredentials)
            #expect(error.message.contains("missing: aws_access_key_id"))
            #expect(error.message.contains(files.path("credentials")))
            #expect(!error.message.contains(Self.secret))
        }
    }

    @Test func aChainThatFindsNothingSaysWhatItTried() throws {
        let files = try CredentialsTestFiles()
        let configuration = try files.configuration()
        let chain = CredentialProviderChain(
            providers: [
                EnvironmentCredentialProvider(environment: files.environment()),
                ProfileKeysCredentialProvider(configuration: configuration, file: .credentialsFile),
                ProcessCredentialProvider(configuration: configuration, environment: files.environment()),
                ProfileKeysCredentialProvider(configuration: configuration, file: .configFile),
                ContainerCredentialProvider(
                    environment: files.environment(), transport: NoNetworkTransport()),
                InstanceMetadataCredentialProvider(
                    environment: files.environment(), transport: NoNetworkTransport()),
            ])
        do {
            _ = try chain.resolve()
            Issue.record("credentials were found in an empty environment")
        } catch {
            #expect(error.kind == .noCredentials)
            #expect(
                error.message == """
                    Unable to locate credentials. Tried, in order:
                      - environment variables (AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY)
                      - shared credentials file \(files.path("credentials")) [default]
                      - credential_process (profile default)
                      - config file \(files.path("config")) (profile default)
                      - container credentials (AWS_CONTAINER_CREDENTIALS_RELATIVE_URI / _FULL_URI)
                      - EC2 instance metadata (disabled by AWS_EC2_METADATA_DISABLED)
                    """)
        }
    }

    @Test func theStandardChainFindsNothingWithoutSourcesAndSaysWhatItTried() throws {
        let files = try CredentialsTestFiles()
        let chain = try Self.chain(files, ["AWS_PROFILE": ""])
        #expect(try chain.credentials() == nil)
        #expect(chain.sourceDescriptions.count == 6)
        #expect(throws: CredentialError.self) { try chain.resolve() }
        do {
            _ = try chain.resolve()
        } catch {
            #expect(error.kind == .noCredentials)
            #expect(
                error.message.hasPrefix(
                    "Unable to locate credentials. Tried, in order:\n  - environment variables"))
            #expect(
                error.message.hasSuffix("  - EC2 instance metadata (disabled by AWS_EC2_METADATA_DISABLED)"))
        }
    }
}
