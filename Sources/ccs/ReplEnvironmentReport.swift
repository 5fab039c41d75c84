/// The lines of `:env` at the prompt: which backend, region and endpoint the session uses
/// where credentials come from, and where schemas come from. Names sources only, never a key or token.
enum ReplEnvironmentReport {
    static func lines(global: GlobalOptions, environment: [String: String]) -> [(
        label: String, value: String
    )] {
        var lines: [(label: String, value: String)] = []
        if global.local {
            lines.append(("backend", "in-process emulator (--local)"))
            lines.append(("database", global.localDatabase ?? "in memory"))
        } else {
            lines.append(("backend", "Cloud Control API over HTTPS"))
        }
        let profile = global.profile ?? environment["AWS_PROFILE"] ?? environment["AWS_DEFAULT_PROFILE"]
        lines.append(("profile", profile.map { $0 } ?? "default"))
        if let region = global.region {
            lines.append(("region", "\(region) (--region)"))
        } else if let region = environment["AWS_REGION"] {
            lines.append(("region", "\(region) (AWS_REGION)"))
        } else if let region = environment["AWS_DEFAULT_REGION"] {
            lines.append(("region", "\(region) (AWS_DEFAULT_REGION)"))
        } else if global.local {
            lines.append(("region", "us-east-1 (the emulator's default)"))
        } else {
            lines.append(("region", "from the profile in ~/.aws/config, if any"))
        }
        if let endpoint = global.endpointURL {
            lines.append(("endpoint", "\(endpoint) (--endpoint-url)"))
        } else if let endpoint = environment["AWS_ENDPOINT_URL_CLOUDCONTROL"] {
            lines.append(("endpoint", "\(endpoint) (AWS_ENDPOINT_URL_CLOUDCONTROL)"))
        } else if let endpoint = environment["AWS_ENDPOINT_URL"] {
            lines.append(("endpoint", "\(endpoint) (AWS_ENDPOINT_URL)"))
        } else if !global.local {
            lines.append(("endpoint", "the AWS endpoint for the region"))
        }
        lines.append(
            ("credentials", credentialSource(global: global, environment: environment, profile: profile)))
        let folders = SchemaFolders.resolve(global, environment: environment)
        var schemas = folders.isEmpty ? "shipped" : "shipped + " + folders.joined(separator: ", ")
        if !global.local { schemas += ", then CloudFormation DescribeType" }
        lines.append(("schemas", schemas))
        return lines
    }

    /// The first source of the standard chain that is configured, as the AWS CLI orders
    /// them; describes it without reading any secret.
    static func credentialSource(global: GlobalOptions, environment: [String: String], profile: String?)
        -> String
    {
        if global.local { return "not needed (--local)" }
        if environment["AWS_ACCESS_KEY_ID"] != nil {
            return
                "environment variables (AWS_ACCESS_KEY_ID\(environment["AWS_SESSION_TOKEN"] != nil ? ", AWS_SESSION_TOKEN" : ""))"
        }
        if profile != nil || global.profile != nil {
            return "profile '\(profile ?? "default")' in ~/.aws/credentials or ~/.aws/config"
        }
        if environment["AWS_CONTAINER_CREDENTIALS_RELATIVE_URI"] != nil
            || environment["AWS_CONTAINER_CREDENTIALS_FULL_URI"] != nil
        {
            return "container credentials endpoint"
        }
        return "the default profile, else instance metadata (resolved at the first request)"
    }
}
