/// A problem with the shared configuration: a missing profile, an unreadable or malformed
/// file, or a setting with an invalid value. Messages name the file, line, setting and source,
/// never a value read from the credentials file.
public struct ConfigurationError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Kind: String, Sendable, Equatable {
        /// The profile was asked for (`--profile`, `AWS_PROFILE`) but no file defines it.
        case profileNotFound
        /// A config or credentials file exists but could not be read.
        case unreadableFile
        /// A line of a config or credentials file could not be parsed.
        case malformedFile
        /// A setting has a value of the wrong form (e.g. `max_attempts = many`).
        case invalidValue
    }

    public let kind: Kind
    public let message: String

    public init(_ kind: Kind, _ message: String) {
        self.kind = kind
        self.message = message
    }

    public var description: String { message }

    static func profileNotFound(_ name: String) -> ConfigurationError {
        ConfigurationError(.profileNotFound, "The config profile (\(name)) could not be found")
    }
}
