import Foundation
import SigV4

/// What role, web identity and SSO providers need from the executable: how to reach STS and
/// the SSO portal, and the process's cache of role sessions.
public struct RoleWiring: Sendable {
    public var sts: STSClientFactory
    public var cache: RoleSessionCache
    /// Carries calls to the SSO portal.
    public var transport: any HTTPTransport & Sendable
    /// The portal's endpoint override (`AWS_ENDPOINT_URL_SSO`), else the regional one.
    public var ssoEndpointURL: String?

    public init(
        sts: @escaping STSClientFactory, cache: RoleSessionCache, transport: any HTTPTransport & Sendable,
        ssoEndpointURL: String? = nil
    ) {
        self.sts = sts
        self.cache = cache
        self.transport = transport
        self.ssoEndpointURL = ssoEndpointURL
    }
}

/// The credentials a profile configures by reference rather than by keys, at AWS CLI parity:
///
/// - `role_arn` with `source_profile` (whose own credentials sign AssumeRole; a source
///   profile with a `role_arn` of its own is assumed first — role chaining) or
///   `credential_source` (`Environment`, `Ec2InstanceMetadata`, `EcsContainer`), plus
///   `external_id`, `role_session_name`, `duration_seconds`;
/// - `role_arn` with `web_identity_token_file` (AssumeRoleWithWebIdentity);
/// - `sso_session` or `sso_start_url` with `sso_account_id` and `sso_role_name`.
///
/// `nil` when the profile has none of these, so the chain moves on to its keys. The provider
/// is built on first use, so a misconfigured profile is reported when credentials are needed,
/// with the profile's name.
public final class ProfileRoleCredentialProvider: CredentialProvider, @unchecked Sendable {
    private let configuration: SharedConfiguration
    private let environment: [String: String]
    private let wiring: RoleWiring
    private let metadataTransport: any HTTPTransport
    private let lock = NSLock()
    private var built: (any CredentialProvider)??

    public var sourceDescription: String {
        "role, web identity or SSO settings of profile \(configuration.profileName)"
    }

    public init(
        configuration: SharedConfiguration, environment: [String: String], wiring: RoleWiring,
        metadataTransport: any HTTPTransport
    ) {
        self.configuration = configuration
        self.environment = environment
        self.wiring = wiring
        self.metadataTransport = metadataTransport
    }

    public func credentials() throws(CredentialError) -> AWSCredentials? {
        let provider: (any CredentialProvider)?
        lock.lock()
        if let built {
            provider = built
        } else {
            do {
                provider = try Self.provider(
                    for: configuration, environment: environment, wiring: wiring, metadata: metadataTransport,
                    visited: [])
            } catch {
                lock.unlock()
                throw error
            }
            built = .some(provider)
        }
        lock.unlock()
        return try provider?.credentials()
    }

    /// The provider a profile configures by reference, or nil for a profile of keys.
    static func provider(
        for profile: SharedConfiguration, environment: [String: String], wiring: RoleWiring,
        metadata: any HTTPTransport, visited: [String]
    ) throws(CredentialError) -> (any CredentialProvider)? {
        let name = profile.profileName
        guard !visited.contains(name) else {
            throw CredentialError(
                .configuration,
                "Infinite loop in the source_profile settings: \((visited + [name]).joined(separator: " -> "))")
        }
        if let sso = try ssoProvider(for: profile, environment: environment, wiring: wiring) { return sso }
        guard let roleArn = profile.setting("role_arn") else { return nil }
        let request = STSClient.RoleRequest(
            roleArn: roleArn,
            sessionName: profile.setting("role_session_name") ?? AssumeRoleCredentialProvider.defaultSessionName(),
            externalId: profile.setting("external_id"),
            durationSeconds: try duration(profile))
        if let tokenFile = profile.setting("web_identity_token_file") {
            return WebIdentityCredentialProvider(
                request, tokenFile: tokenFile, sts: wiring.sts, cache: wiring.cache,
                description: "web identity token file \(tokenFile) of profile \(name) (role \(roleArn))")
        }
        let source: any CredentialProvider
        switch (profile.setting("source_profile"), profile.setting("credential_source")) {
        case (let sourceName?, nil):
            let sourceProfile: SharedConfiguration
            do {
                sourceProfile = try SharedConfiguration(
                    profileName: sourceName, profileSource: .argument, configFilePath: profile.configFilePath,
                    configFile: profile.configFile, credentialsFilePath: profile.credentialsFilePath,
                    credentialsFile: profile.credentialsFile)
            } catch {
                throw CredentialError(
                    .configuration, "Profile \(name): its source_profile \(sourceName) could not be found")
            }
            let keys = CredentialProviderChain(providers: [
                ProfileKeysCredentialProvider(configuration: sourceProfile, file: .credentialsFile),
                ProfileKeysCredentialProvider(configuration: sourceProfile, file: .configFile),
            ])
            // A profile that names itself as its source signs with its own keys (botocore
            // allows it); another profile may be a role itself, assumed first.
            if sourceName == name {
                source = keys
            } else if let chained = try provider(
                for: sourceProfile, environment: environment, wiring: wiring, metadata: metadata,
                visited: visited + [name])
            {
                source = chained
            } else {
                source = CredentialProviderChain(providers: [
                    keys, ProcessCredentialProvider(configuration: sourceProfile, environment: environment),
                ])
            }
        case (nil, let credentialSource?):
            switch credentialSource {
            case "Environment": source = EnvironmentCredentialProvider(environment: environment)
            case "EcsContainer": source = ContainerCredentialProvider(environment: environment, transport: metadata)
            case "Ec2InstanceMetadata":
                source = InstanceMetadataCredentialProvider(
                    environment: environment, configuration: profile, transport: metadata, timeout: 1, attempts: 1)
            default:
                throw CredentialError(
                    .configuration,
                    "Profile \(name): credential_source \(credentialSource) is not one of Environment, Ec2InstanceMetadata, EcsContainer")
            }
        case (nil, nil):
            throw CredentialError(
                .configuration,
                "Profile \(name) has role_arn but neither source_profile, credential_source nor web_identity_token_file")
        case (_?, _?):
            throw CredentialError(
                .configuration, "Profile \(name) has both source_profile and credential_source; keep one")
        }
        return AssumeRoleCredentialProvider(
            request, source: source, sts: wiring.sts, cache: wiring.cache,
            description: "assume role \(roleArn) of profile \(name)")
    }

    private static func duration(_ profile: SharedConfiguration) throws(CredentialError) -> Int? {
        guard let text = profile.setting("duration_seconds") else { return nil }
        guard let value = Int(text), value > 0 else {
            throw CredentialError(
                .configuration, "Profile \(profile.profileName): duration_seconds \(text) is not a number of seconds")
        }
        return value
    }

    private static func ssoProvider(
        for profile: SharedConfiguration, environment: [String: String], wiring: RoleWiring
    ) throws(CredentialError) -> (any CredentialProvider)? {
        let name = profile.profileName
        var startURL = profile.setting("sso_start_url")
        var region = profile.setting("sso_region")
        if let session = profile.setting("sso_session") {
            guard let section = profile.configFile.sections["sso-session \(session)"] else {
                throw CredentialError(
                    .configuration, "Profile \(name): sso_session \(session) has no [sso-session \(session)] section")
            }
            startURL = section.values["sso_start_url"] ?? startURL
            region = section.values["sso_region"] ?? region
        }
        guard let startURL else { return nil }
        guard let region, let account = profile.setting("sso_account_id"), let role = profile.setting("sso_role_name")
        else {
            throw CredentialError(
                .configuration,
                "Profile \(name) is an IAM Identity Center profile but lacks sso_region, sso_account_id or sso_role_name")
        }
        let home = environment.awsSetting("HOME") ?? NSHomeDirectory()
        return SSOCredentialProvider(
            startURL: startURL, region: region, accountId: account, roleName: role,
            cacheDirectory: home + "/.aws/sso/cache", endpointURL: wiring.ssoEndpointURL, transport: wiring.transport,
            description: "IAM Identity Center of profile \(name) (role \(role) of account \(account))")
    }
}
