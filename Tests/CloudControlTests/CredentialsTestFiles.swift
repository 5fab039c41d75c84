import Foundation

@testable import CloudControl

/// A temporary directory holding config, credentials and script files for one test, removed
/// when the value is released.
final class CredentialsTestFiles {
    let directory: URL

    init() throws {
        directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("ccs-credentials-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    deinit {
        try? FileManager.default.removeItem(at: directory)
    }

    /// Writes `text` to `name` and returns the file's path.
    @discardableResult
    func write(_ name: String, _ text: String, executable: Bool = false) throws -> String {
        let url = directory.appendingPathComponent(name)
        try text.write(to: url, atomically: true, encoding: .utf8)
        if executable {
            try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: url.path)
        }
        return url.path
    }

    func path(_ name: String) -> String { directory.appendingPathComponent(name).path }

    /// An environment whose shared files are this directory's `config` and `credentials`
    /// (which need not exist), with instance metadata disabled so that no test can reach
    /// 169.254.169.254, plus `extra`.
    func environment(_ extra: [String: String] = [:]) -> [String: String] {
        var environment = [
            "HOME": directory.path,
            "PATH": "/usr/bin:/bin",
            "AWS_CONFIG_FILE": path("config"),
            "AWS_SHARED_CREDENTIALS_FILE": path("credentials"),
            "AWS_EC2_METADATA_DISABLED": "true",
        ]
        environment.merge(extra) { _, new in new }
        return environment
    }

    func configuration(profile: String? = nil, _ extra: [String: String] = [:]) throws -> SharedConfiguration
    {
        try SharedConfiguration.load(explicitProfile: profile, environment: environment(extra))
    }
}
