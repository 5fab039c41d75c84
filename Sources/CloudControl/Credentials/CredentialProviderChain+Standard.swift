import SigV4

extension CredentialProviderChain {
    /// The AWS CLI's chain for one profile, in its order: explicit credentials; environment
    /// variables (skipped when the profile was chosen with `--profile`, as the CLI does); the
    /// shared credentials file; `credential_process`; the config file's keys; container
    /// credentials; EC2 instance metadata. (botocore asks the process before the config
    /// file's keys; a profile rarely has both.) The chain is wrapped in a cache, so that
    /// expiring credentials are kept and fetched again shortly before they expire.
    ///
    /// Instance metadata calls time out after `AWS_METADATA_SERVICE_TIMEOUT` /
    /// `metadata_service_timeout` seconds (1) and are made `AWS_METADATA_SERVICE_NUM_ATTEMPTS` /
    /// `metadata_service_num_attempts` times (1). `transport` carries the container and
    /// instance metadata calls; `environment` is the
    /// process environment, injected so that tests control it.
    ///
    /// With `roles`, the profile's references come right after the environment, in botocore's
    /// order: its `role_arn` (with `source_profile`, `credential_source` or
    /// `web_identity_token_file`) or IAM Identity Center settings (`ProfileRoleCredentialProvider`),
    /// then `AWS_WEB_IDENTITY_TOKEN_FILE` + `AWS_ROLE_ARN` from the environment.
    public static func standard(
        explicit: AWSCredentials? = nil, configuration: SharedConfiguration, environment: [String: String],
        transport: any HTTPTransport, roles: RoleWiring? = nil
    ) -> CachingCredentialProvider {
        var providers: [any CredentialProvider] = []
        if let explicit { providers.append(StaticCredentialProvider(explicit)) }
        if configuration.profileSource != .argument {
            providers.append(EnvironmentCredentialProvider(environment: environment))
        }
        if let roles {
            providers.append(
                ProfileRoleCredentialProvider(
                    configuration: configuration, environment: environment, wiring: roles, metadataTransport: transport))
            if let tokenFile = environment.awsSetting("AWS_WEB_IDENTITY_TOKEN_FILE"),
                let roleArn = environment.awsSetting("AWS_ROLE_ARN")
            {
                let request = STSClient.RoleRequest(
                    roleArn: roleArn,
                    sessionName: environment.awsSetting("AWS_ROLE_SESSION_NAME")
                        ?? AssumeRoleCredentialProvider.defaultSessionName())
                providers.append(
                    WebIdentityCredentialProvider(
                        request, tokenFile: tokenFile, sts: roles.sts, cache: roles.cache,
                        description: "web identity (AWS_WEB_IDENTITY_TOKEN_FILE, AWS_ROLE_ARN \(roleArn))"))
            }
        }
        providers.append(ProfileKeysCredentialProvider(configuration: configuration, file: .credentialsFile))
        providers.append(ProcessCredentialProvider(configuration: configuration, environment: environment))
        providers.append(ProfileKeysCredentialProvider(configuration: configuration, file: .configFile))
        providers.append(ContainerCredentialProvider(environment: environment, transport: transport))
        // botocore's metadata_service_timeout / _num_attempts (1 s, 1 attempt by default).
        let timeout =
            (environment.awsSetting("AWS_METADATA_SERVICE_TIMEOUT")
            ?? configuration.setting("metadata_service_timeout")).flatMap(Double.init) ?? 1
        let attempts =
            (environment.awsSetting("AWS_METADATA_SERVICE_NUM_ATTEMPTS")
            ?? configuration.setting("metadata_service_num_attempts")).flatMap { Int($0) } ?? 1
        providers.append(
            InstanceMetadataCredentialProvider(
                environment: environment, configuration: configuration, transport: transport,
                timeout: timeout, attempts: attempts))
        return CachingCredentialProvider(CredentialProviderChain(providers: providers))
    }
}
