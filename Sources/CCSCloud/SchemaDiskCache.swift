import Foundation

/// DescribeType answers kept on disk, one file per region and type
/// (`DIR/REGION/AWS-S3-Bucket.json`), trusted for `maxAge` seconds (a day by default: the
/// registry changes rarely, and a stale schema only affects completion and the patch builder).
/// Failures to read or write are not errors: the cache is an optimisation only.
public struct SchemaDiskCache: Sendable {
    public let directory: String
    public let maxAge: TimeInterval
    let now: @Sendable () -> Date

    /// - Parameters:
    ///   - directory: e.g. `$XDG_CACHE_HOME/ccs/schemas/us-east-1` (see `defaultDirectory`).
    public init(directory: String, maxAge: TimeInterval = 24 * 3600, now: @escaping @Sendable () -> Date = { Date() }) {
        self.directory = directory
        self.maxAge = maxAge
        self.now = now
    }

    /// `$XDG_CACHE_HOME/ccs/schemas/REGION`, else `~/.cache/ccs/schemas/REGION`; nil without a
    /// home directory. The endpoint is part of the key too when it is not AWS's own (a `ccs
    /// serve` knows other types than AWS).
    public static func defaultDirectory(region: String, endpoint: String?, environment: [String: String]) -> String? {
        var base: String
        if let xdg = environment["XDG_CACHE_HOME"], xdg.hasPrefix("/") {
            base = xdg
        } else if let home = environment["HOME"], !home.isEmpty {
            base = home + "/.cache"
        } else {
            return nil
        }
        base += "/ccs/schemas/" + safeName(region)
        if let endpoint { base += "/" + safeName(endpoint) }
        return base
    }

    /// The cached schema text of `typeName` when younger than `maxAge`.
    func read(_ typeName: String) -> String? {
        let path = self.path(typeName)
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: path),
            let modified = attributes[.modificationDate] as? Date,
            now().timeIntervalSince(modified) < maxAge,
            let data = FileManager.default.contents(atPath: path)
        else { return nil }
        return String(data: data, encoding: .utf8)
    }

    /// Stores `schema` (written to a temporary file, then renamed, so readers never see half).
    func write(_ typeName: String, schema: String) {
        let path = self.path(typeName)
        try? FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        try? Data(schema.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
    }

    private func path(_ typeName: String) -> String {
        directory + "/" + Self.safeName(typeName.replacingOccurrences(of: "::", with: "-")) + ".json"
    }

    /// Keeps letters, digits, `-` and `.`; anything else becomes `_`.
    static func safeName(_ text: String) -> String {
        String(text.map { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "." ? $0 : "_" })
    }
}
