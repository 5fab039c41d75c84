import Foundation

/// The shared config and credentials files as the AWS CLI finds them, and the profile in use.
///
/// Files: `AWS_CONFIG_FILE` (default `~/.aws/config`) and `AWS_SHARED_CREDENTIALS_FILE`
/// (default `~/.aws/credentials`); a missing file counts as empty. Profile: the explicit one
/// (`--profile`), else `AWS_PROFILE`, else `AWS_DEFAULT_PROFILE`, else `default`. A profile
/// that was asked for must exist in one of the files; `default` may be absent when nothing
/// asked for it (botocore's `get_scoped_config`).
public struct SharedConfiguration: Sendable {
    /// Where the profile name came from; an explicit `--profile` also makes the credential
    /// chain skip environment credentials, as the CLI does.
    public enum ProfileSource: String, Sendable, Equatable {
        case argument, environment, defaultProfile
    }

    public let profileName: String
    public let profileSource: ProfileSource
    public let configFilePath: String
    public let credentialsFilePath: String
    public let configFile: SharedConfigFile
    public let credentialsFile: SharedConfigFile

    /// Builds from already-parsed files; throws `profileNotFound` as described above.
    public init(
        profileName: String, profileSource: ProfileSource, configFilePath: String,
        configFile: SharedConfigFile,
        credentialsFilePath: String, credentialsFile: SharedConfigFile
    ) throws(ConfigurationError) {
        self.profileName = profileName
        self.profileSource = profileSource
        self.configFilePath = configFilePath
        self.credentialsFilePath = credentialsFilePath
        self.configFile = configFile
        self.credentialsFile = credentialsFile
        if profileSource != .defaultProfile && configSection == nil
            && credentialsFile.sections[profileName] == nil
        {
            throw .profileNotFound(profileName)
        }
    }

    /// Reads both files as `environment` locates them, for `explicitProfile` (`--profile`).
    public static func load(explicitProfile: String?, environment: [String: String])
        throws(ConfigurationError)
        -> SharedConfiguration
    {
        let home = environment.awsSetting("HOME") ?? NSHomeDirectory()
        let configPath = expandTilde(environment.awsSetting("AWS_CONFIG_FILE") ?? "~/.aws/config", home: home)
        let credentialsPath = expandTilde(
            environment.awsSetting("AWS_SHARED_CREDENTIALS_FILE") ?? "~/.aws/credentials", home: home)
        let name: String
        let source: ProfileSource
        if let explicitProfile, !explicitProfile.isEmpty {
            (name, source) = (explicitProfile, .argument)
        } else if let fromEnvironment = environment.awsSetting("AWS_PROFILE")
            ?? environment.awsSetting("AWS_DEFAULT_PROFILE")
        {
            (name, source) = (fromEnvironment, .environment)
        } else {
            (name, source) = ("default", .defaultProfile)
        }
        return try SharedConfiguration(
            profileName: name, profileSource: source,
            configFilePath: configPath, configFile: try readFile(configPath),
            credentialsFilePath: credentialsPath, credentialsFile: try readFile(credentialsPath))
    }

    /// The profile's section of the config file: `[profile NAME]`, or `[default]` for the
    /// default profile (`[profile default]` is accepted too and wins, as in botocore).
    public var configSection: SharedConfigFile.Section? {
        if let section = configFile.sections["profile \(profileName)"] { return section }
        return profileName == "default" ? configFile.sections["default"] : nil
    }

    /// The profile's `[NAME]` section of the credentials file.
    public var credentialsSection: SharedConfigFile.Section? {
        credentialsFile.sections[profileName]
    }

    /// A profile setting, the credentials file's value winning over the config file's (the
    /// CLI merges the two files' profiles that way). Empty values count as unset.
    public func setting(_ key: String) -> String? {
        for value in [credentialsSection?.values[key], configSection?.values[key]] {
            if let value, !value.isEmpty { return value }
        }
        return nil
    }

    /// A setting from the `[services NAME]` section the profile names with `services = NAME`,
    /// nested under the service's key (`cloudcontrol`).
    public func serviceSetting(service: String, key: String) -> String? {
        guard let name = setting("services"), let section = configFile.sections["services \(name)"],
            let value = section.subsections[service]?[key], !value.isEmpty
        else { return nil }
        return value
    }

    static func expandTilde(_ path: String, home: String) -> String {
        if path == "~" { return home }
        if path.hasPrefix("~/") { return home + path.dropFirst() }
        return path
    }

    /// A missing file is an empty one; an existing file that cannot be read is an error.
    static func readFile(_ path: String) throws(ConfigurationError) -> SharedConfigFile {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { return .empty }
        guard !isDirectory.boolValue, let data = FileManager.default.contents(atPath: path) else {
            throw ConfigurationError(.unreadableFile, "Unable to read config file \(path)")
        }
        return try SharedConfigFile(parsing: String(decoding: data, as: UTF8.self), path: path)
    }
}

extension Dictionary where Key == String, Value == String {
    /// The value of an environment variable, treating an empty value as unset.
    func awsSetting(_ name: String) -> String? {
        guard let value = self[name], !value.isEmpty else { return nil }
        return value
    }
}
