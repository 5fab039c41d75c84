/// The client settings after applying the AWS CLI's precedence: explicit option, then
/// environment variable, then profile, then default. `regionSource` and `endpointURLSource`
/// say where the value came from, for `--debug` and error messages.
public struct ResolvedSettings: Sendable, Equatable {
    /// The key of Cloud Control in `AWS_ENDPOINT_URL_<KEY>` and `[services]` sections.
    public static let serviceKey = "cloudcontrol"

    public var profileName: String
    /// `--region` → `AWS_REGION` → `AWS_DEFAULT_REGION` → profile `region`; `nil` if none.
    public var region: String?
    public var regionSource: String?
    /// `--endpoint-url` → `AWS_ENDPOINT_URL_CLOUDCONTROL` → `AWS_ENDPOINT_URL` → the profile's
    /// `[services NAME]` `cloudcontrol.endpoint_url` → profile `endpoint_url`. All but the first
    /// are ignored when `AWS_IGNORE_CONFIGURED_ENDPOINT_URLS` / `ignore_configured_endpoint_urls`
    /// is true. `nil` means: use the service's endpoint rules.
    public var endpointURL: String?
    public var endpointURLSource: String?
    /// `AWS_MAX_ATTEMPTS` → profile `max_attempts` → the retry mode's default (3 for
    /// standard and adaptive, 5 for legacy, as botocore). Counts the first attempt.
    public var maxAttempts: Int
    /// `AWS_RETRY_MODE` → profile `retry_mode` → `standard`. `adaptive` adds the client's
    /// token bucket (`AdaptiveRateLimiter`).
    public var retryMode: RetryMode
    /// `AWS_CA_BUNDLE` → profile `ca_bundle`.
    public var caBundle: String?
    /// `AWS_USE_FIPS_ENDPOINT` → profile `use_fips_endpoint` → false.
    public var useFIPSEndpoint: Bool
    /// `AWS_USE_DUALSTACK_ENDPOINT` → profile `use_dualstack_endpoint` → false.
    public var useDualStackEndpoint: Bool
    /// `--cli-connect-timeout` → profile `cli_connect_timeout` → 10 s; 0 means none (the
    /// AWS CLI's reading).
    public var connectTimeout: Double = Self.defaultConnectTimeout
    /// `--cli-read-timeout` → profile `cli_read_timeout` → 60 s: how long a response may send
    /// nothing; 0 means none.
    public var readTimeout: Double = Self.defaultReadTimeout
    public static let defaultConnectTimeout: Double = 10
    public static let defaultReadTimeout: Double = 60
    /// Remarks for the user about how a setting was interpreted.
    public var notes: [String]

    /// Resolves every setting; `region` and `endpointURL` are the command-line options.
    public static func resolve(
        region explicitRegion: String? = nil, endpointURL explicitEndpoint: String? = nil,
        connectTimeout explicitConnectTimeout: Double? = nil, readTimeout explicitReadTimeout: Double? = nil,
        environment: [String: String], configuration: SharedConfiguration,
        serviceKey: String = ResolvedSettings.serviceKey
    ) throws(ConfigurationError) -> ResolvedSettings {
        let lookup = SettingLookup(environment: environment, configuration: configuration)
        var notes: [String] = []

        let region = lookup.first([
            .explicit(explicitRegion, "--region"), .environment("AWS_REGION"),
            .environment("AWS_DEFAULT_REGION"),
            .profile("region"),
        ])
        if let region { try validateRegion(region) }

        let ignoreConfigured =
            try lookup.bool(
                environment: "AWS_IGNORE_CONFIGURED_ENDPOINT_URLS", profile: "ignore_configured_endpoint_urls"
            ) ?? false
        var endpointSources: [SettingLookup.Source] = [.explicit(explicitEndpoint, "--endpoint-url")]
        if !ignoreConfigured {
            endpointSources += [
                .environment("AWS_ENDPOINT_URL_\(serviceKey.uppercased())"), .environment("AWS_ENDPOINT_URL"),
                .service(serviceKey, "endpoint_url"), .profile("endpoint_url"),
            ]
        }
        let endpoint = lookup.first(endpointSources)
        if let endpoint { try validateEndpoint(endpoint) }

        let mode = lookup.first([.environment("AWS_RETRY_MODE"), .profile("retry_mode")])
        var retryMode = RetryMode.standard
        if let mode {
            guard let parsed = RetryMode(rawValue: mode.value.lowercased()) else {
                throw ConfigurationError(
                    .invalidValue,
                    "Invalid value '\(mode.value)' for retry_mode (from \(mode.source)); "
                        + "valid values are: standard, legacy, adaptive")
            }
            retryMode = parsed
        }
        if retryMode == .adaptive {
            notes.append("retry_mode 'adaptive': one client-side token bucket per (account, region) paces every attempt")
        }
        let maxAttempts =
            try lookup.positiveInteger(environment: "AWS_MAX_ATTEMPTS", profile: "max_attempts")
            ?? retryMode.defaultMaxAttempts

        let connectTimeout = try seconds(
            lookup, explicit: explicitConnectTimeout, option: "--cli-connect-timeout", key: "cli_connect_timeout")
        let readTimeout = try seconds(
            lookup, explicit: explicitReadTimeout, option: "--cli-read-timeout", key: "cli_read_timeout")

        return ResolvedSettings(
            profileName: configuration.profileName,
            region: region?.value, regionSource: region?.source,
            endpointURL: endpoint?.value, endpointURLSource: endpoint?.source,
            maxAttempts: maxAttempts, retryMode: retryMode,
            caBundle: lookup.first([.environment("AWS_CA_BUNDLE"), .profile("ca_bundle")])?.value,
            useFIPSEndpoint: try lookup.bool(
                environment: "AWS_USE_FIPS_ENDPOINT", profile: "use_fips_endpoint")
                ?? false,
            useDualStackEndpoint: try lookup.bool(
                environment: "AWS_USE_DUALSTACK_ENDPOINT", profile: "use_dualstack_endpoint") ?? false,
            connectTimeout: connectTimeout ?? defaultConnectTimeout,
            readTimeout: readTimeout ?? defaultReadTimeout,
            notes: notes)
    }

    /// A time-out in seconds from the option or the profile: a finite number, 0 or more.
    static func seconds(_ lookup: SettingLookup, explicit: Double?, option: String, key: String)
        throws(ConfigurationError) -> Double?
    {
        if let explicit {
            guard explicit >= 0, explicit.isFinite else {
                throw ConfigurationError(.invalidValue, "Invalid value '\(explicit)' for \(option): a number of seconds, 0 or more (0: no time-out)")
            }
            return explicit
        }
        guard let found = lookup.first([.profile(key)]) else { return nil }
        guard let value = Double(found.value), value >= 0, value.isFinite else {
            throw ConfigurationError(
                .invalidValue,
                "Invalid value '\(found.value)' for \(key) (from \(found.source)): a number of seconds, 0 or more (0: no time-out)")
        }
        return value
    }

    /// A region must be a valid host label, since it becomes part of the endpoint's host name
    /// (botocore's `validate_region_name`).
    static func validateRegion(_ setting: SettingLookup.Found) throws(ConfigurationError) {
        let region = setting.value
        let valid =
            region.count <= 63 && !region.hasPrefix("-") && !region.hasSuffix("-")
            && region.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") }
        guard valid else {
            throw ConfigurationError(
                .invalidValue,
                "Provided region '\(region)' (from \(setting.source)) doesn't match a supported format")
        }
    }

    static func validateEndpoint(_ setting: SettingLookup.Found) throws(ConfigurationError) {
        let lowered = setting.value.lowercased()
        guard lowered.hasPrefix("http://") || lowered.hasPrefix("https://"), setting.value.count > 8 else {
            throw ConfigurationError(
                .invalidValue,
                "Invalid endpoint URL '\(setting.value)' (from \(setting.source)): it must start with http:// or https://"
            )
        }
    }
}
