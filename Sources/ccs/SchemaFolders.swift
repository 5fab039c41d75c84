import CloudControl
import Foundation

/// The extra schema folders of a run, in increasing precedence (a type found in a later folder
/// overrides an earlier one): the profile's `ccs_schemas` in ~/.aws/config, then
/// `CCS_SCHEMAS`, then each `--schemas DIR`. The first two are colon-separated lists, like
/// PATH; empty entries are skipped and `~` is expanded.
enum SchemaFolders {
    static func resolve(_ global: GlobalOptions, environment: [String: String]) -> [String] {
        var folders: [String] = []
        // An unreadable config file is reported by the service when it is built; here it only
        // means there is no profile setting.
        if let shared = try? SharedConfiguration.load(explicitProfile: global.profile, environment: environment),
            let setting = shared.setting("ccs_schemas")
        {
            folders += split(setting, environment: environment)
        }
        if let variable = environment["CCS_SCHEMAS"] {
            folders += split(variable, environment: environment)
        }
        folders += global.schemas.map { expand($0, environment: environment) }
        return folders
    }

    static func split(_ list: String, environment: [String: String]) -> [String] {
        list.split(separator: ":").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            .map { expand($0, environment: environment) }
    }

    static func expand(_ path: String, environment: [String: String]) -> String {
        guard path == "~" || path.hasPrefix("~/"), let home = environment["HOME"] else { return path }
        return home + path.dropFirst()
    }
}
