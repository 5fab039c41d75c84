import Foundation

/// Locates and reads the copied suites in the test bundle's `Fixtures` folder.
enum FixtureSupport {
    static var root: URL {
        Bundle.module.resourceURL?.appendingPathComponent("Fixtures")
            ?? URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")
    }

    static func read(_ url: URL) throws -> String {
        try String(contentsOf: url, encoding: .utf8)
    }

    /// The directories under `base` (recursively) that hold a file named by `marker(dirName)`.
    static func caseDirectories(under base: URL, marker: (String) -> String) -> [URL] {
        let subpaths = (try? FileManager.default.subpathsOfDirectory(atPath: base.path)) ?? []
        return subpaths.sorted().map { base.appendingPathComponent($0) }.filter { directory in
            let candidate = directory.appendingPathComponent(marker(directory.lastPathComponent))
            return FileManager.default.fileExists(atPath: candidate.path)
        }
    }

    /// 2015-08-30T12:36:00Z, the instant both suites sign at.
    static let suiteDate = Date(timeIntervalSince1970: 1_440_938_160)
}
