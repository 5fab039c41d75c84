import Foundation
import Testing

@testable import CloudControl

/// Settings precedence: explicit option → environment → profile → default.
struct ResolvedSettingsTests {
    static let profileText = """
        [default]
        region = profile-region
        endpoint_url = http://profile-endpoint
        max_attempts = 7
        retry_mode = legacy
        ca_bundle = /profile/ca.pem
        use_fips_endpoint = true
        use_dualstack_endpoint = TRUE
        services = local

        [services local]
        cloudcontrol =
          endpoint_url = http://services-endpoint
        """

    static func resolve(
        _ files: CredentialsTestFiles, region: String? = nil, endpoint: String? = nil,
        _ environment: [String: String] = [:]
    ) throws -> ResolvedSettings {
        try ResolvedSettings.resolve(
            region: region, endpointURL: endpoint, environment: files.environment(environment),
            configuration: files.configuration(environment))
    }

    @Test func defaultsWithoutAnyConfiguration() throws {
        let settings = try Self.resolve(CredentialsTestFiles())
        #expect(settings.region == nil)
        #expect(settings.endpointURL == nil)
        #expect(settings.maxAttempts == 3)
        #expect(settings.retryMode == .standard)
        #expect(settings.caBundle == nil)
        #expect(!settings.useFIPSEndpoint)
        #expect(!settings.useDualStackEndpoint)
        #expect(settings.notes.isEmpty)
    }

    @Test func profileValuesApplyWhenNothingElseIsSet() throws {
        let files = try CredentialsTestFiles()
        try files.write("config", Self.profileText)
        let settings = try Self.resolve(files)
        #expect(settings.region == "profile-region")
        #expect(settings.regionSource == "profile default (region)")
        #expect(settings.endpointURL == "http://services-endpoint")
        #expect(settings.endpointURLSource == "profile default (services section, cloudcontrol.endpoint_url)")
        #expect(settings.maxAttempts == 7)
        #expect(settings.retryMode == .legacy)
        #expect(settings.caBundle == "/profile/ca.pem")
        #expect(settings.useFIPSEndpoint)
        #expect(settings.useDualStackEndpoint)
    }

    @Test func regionPrecedence() throws {
        let files = try CredentialsTestFiles()
        try files.write("config", Self.profileText)
        let both = ["AWS_REGION": "env-region", "AWS_DEFAULT_REGION": "env-default-region"]
        #expect(try Self.resolve(files, region: "cli-region", both).region == "cli-region")
        #expect(try Self.resolve(files, both).region == "env-region")
        #expect(try Self.resolve(files, both).regionSource == "AWS_REGION")
        #expect(
            try Self.resolve(files, ["AWS_DEFAULT_REGION": "env-default-region"]).region
                == "env-default-region")
    }

    @Test func endpointPrecedence() throws {
        let files = try CredentialsTestFiles()
        try files.write("config", Self.profileText)
        let environment = [
            "AWS_ENDPOINT_URL_CLOUDCONTROL": "http://service-env", "AWS_ENDPOINT_URL": "http://global-env",
        ]
        #expect(try Self.resolve(files, endpoint: "http://cli", environment).endpointURL == "http://cli")
        #expect(try Self.resolve(files, environment).endpointURL == "http://service-env")
        #expect(
            try Self.resolve(files, ["AWS_ENDPOINT_URL": "http://global-env"]).endpointURL
                == "http://global-env")
        #expect(try Self.resolve(files).endpointURL == "http://services-endpoint")

        try files.write("config", "[default]\nendpoint_url = http://profile-endpoint\n")
        #expect(try Self.resolve(files).endpointURL == "http://profile-endpoint")
    }

    @Test func ignoringConfiguredEndpointsKeepsOnlyTheExplicitOne() throws {
        let files = try CredentialsTestFiles()
        try files.write("config", Self.profileText)
        let environment = [
            "AWS_IGNORE_CONFIGURED_ENDPOINT_URLS": "true", "AWS_ENDPOINT_URL": "http://global-env",
        ]
        #expect(try Self.resolve(files, environment).endpointURL == nil)
        #expect(try Self.resolve(files, endpoint: "http://cli", environment).endpointURL == "http://cli")
        try files.write(
            "config",
            Self.profileText + "\n[profile quiet]\nignore_configured_endpoint_urls = true\n"
                + "endpoint_url = http://quiet\n")
        #expect(try Self.resolve(files, ["AWS_PROFILE": "quiet"]).endpointURL == nil)
    }

    @Test func environmentBeatsProfileForRetriesCABundleAndEndpointVariants() throws {
        let files = try CredentialsTestFiles()
        try files.write("config", Self.profileText)
        let settings = try Self.resolve(
            files,
            [
                "AWS_MAX_ATTEMPTS": "2", "AWS_RETRY_MODE": "standard", "AWS_CA_BUNDLE": "/env/ca.pem",
                "AWS_USE_FIPS_ENDPOINT": "false", "AWS_USE_DUALSTACK_ENDPOINT": "false",
            ])
        #expect(settings.maxAttempts == 2)
        #expect(settings.retryMode == .standard)
        #expect(settings.caBundle == "/env/ca.pem")
        #expect(!settings.useFIPSEndpoint)
        #expect(!settings.useDualStackEndpoint)
    }

    @Test func legacyModeDefaultsToFiveAttemptsAndAdaptiveIsNoted() throws {
        let files = try CredentialsTestFiles()
        #expect(try Self.resolve(files, ["AWS_RETRY_MODE": "legacy"]).maxAttempts == 5)
        let adaptive = try Self.resolve(files, ["AWS_RETRY_MODE": "adaptive"])
        #expect(adaptive.retryMode == .adaptive)
        #expect(adaptive.maxAttempts == 3)
        #expect(
            adaptive.notes == [
                "retry_mode 'adaptive': one client-side token bucket per (account, region) paces every attempt"
            ])
    }

    @Test(arguments: [
        (
            ["AWS_MAX_ATTEMPTS": "many"],
            "Invalid value 'many' for AWS_MAX_ATTEMPTS: expected a whole number of at least 1"
        ),
        (
            ["AWS_MAX_ATTEMPTS": "0"],
            "Invalid value '0' for AWS_MAX_ATTEMPTS: expected a whole number of at least 1"
        ),
        (
            ["AWS_RETRY_MODE": "eager"],
            "Invalid value 'eager' for retry_mode (from AWS_RETRY_MODE); valid values are: standard, legacy, adaptive"
        ),
        (
            ["AWS_USE_FIPS_ENDPOINT": "yes"],
            "Invalid value 'yes' for AWS_USE_FIPS_ENDPOINT: expected true or false"
        ),
        (
            ["AWS_REGION": "eu west"],
            "Provided region 'eu west' (from AWS_REGION) doesn't match a supported format"
        ),
        (
            ["AWS_ENDPOINT_URL": "localhost:4566"],
            "Invalid endpoint URL 'localhost:4566' (from AWS_ENDPOINT_URL): it must start with http:// or https://"
        ),
    ])
    func invalidValuesAreErrorsNamingTheirSource(_ environment: [String: String], _ message: String) throws {
        let files = try CredentialsTestFiles()
        #expect(throws: ConfigurationError(.invalidValue, message)) { try Self.resolve(files, environment) }
    }

    @Test func invalidProfileValuesNameTheProfile() throws {
        let files = try CredentialsTestFiles()
        try files.write("config", "[profile p]\nmax_attempts = -1\n")
        #expect(
            throws: ConfigurationError(
                .invalidValue,
                "Invalid value '-1' for profile p (max_attempts): expected a whole number of at least 1")
        ) { try Self.resolve(files, ["AWS_PROFILE": "p"]) }
    }
}
