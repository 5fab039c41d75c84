import Foundation
import Testing

@testable import CloudControl

/// Finding the files and the profile as the AWS CLI does.
struct SharedConfigurationTests {
    @Test func missingFilesAreEmptyAndTheDefaultProfileMayBeAbsent() throws {
        let files = try CredentialsTestFiles()
        let configuration = try files.configuration()
        #expect(configuration.profileName == "default")
        #expect(configuration.profileSource == .defaultProfile)
        #expect(configuration.configSection == nil)
        #expect(configuration.setting("region") == nil)
    }

    @Test func filesDefaultToTheHomeDirectory() throws {
        let files = try CredentialsTestFiles()
        try FileManager.default.createDirectory(
            at: files.directory.appendingPathComponent(".aws"), withIntermediateDirectories: true)
        try files.write(".aws/config", "[default]\nregion = ap-south-2\n")
        let configuration = try SharedConfiguration.load(
            explicitProfile: nil, environment: ["HOME": files.directory.path])
        #expect(configuration.configFilePath == files.path(".aws/config"))
        #expect(configuration.credentialsFilePath == files.path(".aws/credentials"))
        #expect(configuration.setting("region") == "ap-south-2")
    }

    @Test func aMissingNamedProfileIsAnError() throws {
        let files = try CredentialsTestFiles()
        try files.write("config", "[profile dev]\nregion = eu-west-3\n")
        #expect(throws: ConfigurationError(.profileNotFound, "The config profile (prod) could not be found"))
        {
            try files.configuration(profile: "prod")
        }
        #expect(
            throws: ConfigurationError(.profileNotFound, "The config profile (staging) could not be found")
        ) {
            try files.configuration(["AWS_PROFILE": "staging"])
        }
        // Asked for by name, even `default` must exist (botocore's get_scoped_config).
        #expect(throws: ConfigurationError.self) { try files.configuration(profile: "default") }
    }

    @Test func profileComesFromTheArgumentThenAWSProfileThenAWSDefaultProfile() throws {
        let files = try CredentialsTestFiles()
        try files.write("config", "[profile a]\n[profile b]\n[profile c]\n")
        let both = ["AWS_PROFILE": "b", "AWS_DEFAULT_PROFILE": "c"]
        #expect(try files.configuration(profile: "a", both).profileName == "a")
        #expect(try files.configuration(profile: "a", both).profileSource == .argument)
        #expect(try files.configuration(both).profileName == "b")
        #expect(try files.configuration(both).profileSource == .environment)
        #expect(try files.configuration(["AWS_DEFAULT_PROFILE": "c"]).profileName == "c")
    }

    @Test func aProfileOnlyInTheCredentialsFileExists() throws {
        let files = try CredentialsTestFiles()
        try files.write("credentials", "[ci]\naws_access_key_id = AKIDCI\naws_secret_access_key = s\n")
        let configuration = try files.configuration(profile: "ci")
        #expect(configuration.credentialsSection?.values["aws_access_key_id"] == "AKIDCI")
    }

    @Test func configProfileSectionsAreNamedProfileExceptDefault() throws {
        let files = try CredentialsTestFiles()
        try files.write(
            "config", "[default]\nregion = r1\n[dev]\nregion = ignored\n[profile dev]\nregion = r2\n")
        #expect(try files.configuration().setting("region") == "r1")
        #expect(try files.configuration(profile: "dev").setting("region") == "r2")
    }

    @Test func credentialsFileValuesWinOverConfigFileValues() throws {
        let files = try CredentialsTestFiles()
        try files.write("config", "[default]\nregion = from-config\nmax_attempts = 4\n")
        try files.write("credentials", "[default]\nregion = from-credentials\n")
        let configuration = try files.configuration()
        #expect(configuration.setting("region") == "from-credentials")
        #expect(configuration.setting("max_attempts") == "4")
    }

    @Test func anUnreadableFileIsAnErrorNamingIt() throws {
        let files = try CredentialsTestFiles()
        try FileManager.default.createDirectory(
            at: files.directory.appendingPathComponent("config"), withIntermediateDirectories: true)
        #expect(
            throws: ConfigurationError(.unreadableFile, "Unable to read config file \(files.path("config"))")
        ) {
            try files.configuration()
        }
    }

    @Test func tildeInFileVariablesMeansHome() throws {
        let files = try CredentialsTestFiles()
        try files.write("custom-config", "[default]\nregion = r9\n")
        let configuration = try SharedConfiguration.load(
            explicitProfile: nil,
            environment: ["HOME": files.directory.path, "AWS_CONFIG_FILE": "~/custom-config"])
        #expect(configuration.setting("region") == "r9")
    }
}
