/// Finds the first of several sources that sets a value, remembering which one it was.
struct SettingLookup {
    enum Source {
        case explicit(String?, String)
        case environment(String)
        case profile(String)
        case service(String, String)
    }

    struct Found: Equatable {
        let value: String
        /// E.g. `--region`, `AWS_REGION`, `profile dev (region)`.
        let source: String
    }

    let environment: [String: String]
    let configuration: SharedConfiguration

    func first(_ sources: [Source]) -> Found? {
        for source in sources {
            switch source {
            case .explicit(let value, let option):
                if let value, !value.isEmpty { return Found(value: value, source: option) }
            case .environment(let name):
                if let value = environment.awsSetting(name) { return Found(value: value, source: name) }
            case .profile(let key):
                if let value = configuration.setting(key) {
                    return Found(value: value, source: "profile \(configuration.profileName) (\(key))")
                }
            case .service(let service, let key):
                if let value = configuration.serviceSetting(service: service, key: key) {
                    return Found(
                        value: value,
                        source: "profile \(configuration.profileName) (services section, \(service).\(key))")
                }
            }
        }
        return nil
    }

    /// `true`/`false` in any case; anything else is an error naming the source.
    func bool(environment name: String, profile key: String) throws(ConfigurationError) -> Bool? {
        guard let found = first([.environment(name), .profile(key)]) else { return nil }
        switch found.value.lowercased() {
        case "true": return true
        case "false": return false
        default:
            throw ConfigurationError(
                .invalidValue, "Invalid value '\(found.value)' for \(found.source): expected true or false")
        }
    }

    func positiveInteger(environment name: String, profile key: String) throws(ConfigurationError) -> Int? {
        guard let found = first([.environment(name), .profile(key)]) else { return nil }
        guard let number = Int(found.value), number >= 1 else {
            throw ConfigurationError(
                .invalidValue,
                "Invalid value '\(found.value)' for \(found.source): expected a whole number of at least 1")
        }
        return number
    }
}
