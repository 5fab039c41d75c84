import Foundation
import JSONCore

/// The resource types ccs knows, shared by the client side, the built-ins, the REPL and the
/// emulator: the schemas shipped with ccs (package resources) plus any number of extra
/// directories of `*.json` registry schemas (`--schemas DIR`).
///
/// Opening a registry only lists the directories' file names, so that the ~1,500 shipped
/// schemas (or a folder of as many) cost nothing until a type is used. A type is then looked up by its
/// conventional file name first (`AWS::S3::Bucket` → `aws-s3-bucket.json`, as shipped and as
/// scripts/regenerate-schemas.py writes them), newest directory first; only when that finds
/// nothing, and for `types()`, is every file's `typeName` read (once) into an index (for the
/// shipped folder, from its `types.txt` list instead). A schema
/// is parsed in full the first time it is asked for, then cached. A type found in an extra
/// directory overrides a shipped one of the same name, and later directories override earlier
/// ones (a conventionally named file wins over an unconventionally named one in a later
/// directory). Safe to use from several threads.
public final class SchemaRegistry: @unchecked Sendable {
    /// Every `*.json` file, per source directory, in precedence order (shipped first).
    private let sources: [(directory: URL, names: Set<String>)]
    /// The shipped folder's `types.txt`, when it has one: its type names, listed by
    /// scripts/regenerate-schemas.py so that neither opening the registry nor `types()` has
    /// to list or read ~1,500 files.
    private let shippedTypes: Set<String>?
    /// The shipped folder, whose schemas are the registry's own (with `handlers`).
    private let shipped: URL?
    private var index: [String: URL]?
    /// Files without a readable `typeName`, found while indexing (reported by `indexProblems`).
    private var problems: [SchemaError] = []
    private var parsed: [String: ResourceSchema] = [:]
    private let lock = NSLock()

    /// Lists the shipped schemas (unless `includeShipped` is false) and the `*.json` files in
    /// `directories`. Throws `SchemaError` for an unreadable directory.
    public init(includeShipped: Bool = true, directories: [String] = []) throws {
        var folders: [URL] = []
        var shippedFolder: URL? = nil
        if includeShipped {
            guard let shipped = Self.shippedDirectory else {
                throw SchemaError(
                    source: "ResourceSchemas", message: "the shipped Schemas resource folder is missing")
            }
            folders.append(shipped)
            shippedFolder = shipped
        }
        self.shipped = shippedFolder
        folders += directories.map { URL(fileURLWithPath: $0, isDirectory: true) }
        var sources: [(directory: URL, names: Set<String>)] = []
        var shippedTypes: Set<String>? = nil
        for dir in folders {
            // Its file names are known from the type names; they are not computed here, as
            // start-up cost matters more than the rare lookup (see `conventionalFile`).
            if dir.path == shippedFolder?.path, let listed = Self.typeList(in: dir) {
                shippedTypes = Set(listed)
                sources.append((dir, []))
                continue
            }
            let names: [String]
            do {
                names = try FileManager.default.contentsOfDirectory(atPath: dir.path)
            } catch {
                throw SchemaError(source: dir.path, message: "cannot read the schema directory")
            }
            sources.append((dir, Set(names.filter { $0.hasSuffix(".json") })))
        }
        self.sources = sources
        self.shippedTypes = shippedTypes
    }

    /// The folder of schemas shipped in this module's resource bundle.
    ///
    /// An installed `ccs` keeps the `ccs_ResourceSchemas.resources` bundle next to the
    /// executable (also when reached through a symlink); those places are tried first. Otherwise
    /// `Bundle.module` is asked, which also knows the build directory of a development build
    /// (and traps if the bundle is nowhere, as SwiftPM's generated accessor does).
    public static var shippedDirectory: URL? {
        let bundleName = "ccs_ResourceSchemas.resources"
        var candidates = [Bundle.main.bundleURL.appendingPathComponent(bundleName)]
        if let executable = Bundle.main.executableURL {
            candidates.append(
                executable.resolvingSymlinksInPath().deletingLastPathComponent().appendingPathComponent(
                    bundleName))
        }
        for bundle in candidates {
            let schemas = bundle.appendingPathComponent("Schemas")
            if FileManager.default.fileExists(atPath: schemas.path) { return schemas }
        }
        return Bundle.module.resourceURL?.appendingPathComponent("Schemas")
    }

    /// Every known type name, sorted (for listing and completion). Reads every file's
    /// `typeName` the first time; files without one are left out (see `indexProblems`).
    public func types() -> [String] {
        lock.lock()
        defer { lock.unlock() }
        return builtIndex().keys.reduce(into: shippedTypes ?? []) { $0.insert($1) }.sorted()
    }

    /// Files skipped while indexing because no `typeName` could be read from them.
    public func indexProblems() -> [SchemaError] {
        lock.lock()
        defer { lock.unlock() }
        _ = builtIndex()
        return problems
    }

    /// True when the type is known.
    public func contains(_ typeName: String) -> Bool {
        lock.lock()
        defer { lock.unlock() }
        return parsed[typeName] != nil || conventionalFile(typeName) != nil || builtIndex()[typeName] != nil
    }

    /// The parsed schema of `typeName`, or nil if the type is unknown. Throws `SchemaError` when
    /// the file is not a valid schema.
    public func schema(for typeName: String) throws -> ResourceSchema? {
        lock.lock()
        defer { lock.unlock() }
        if let cached = parsed[typeName] { return cached }
        if let conventional = conventionalFile(typeName), let schema = try? load(conventional),
            schema.typeName == typeName
        {
            parsed[typeName] = schema
            return schema
        }
        guard let url = builtIndex()[typeName] else { return nil }
        let schema = try load(url)
        guard schema.typeName == typeName else {
            throw SchemaError(
                source: url.path,
                message: "typeName changed to \(schema.typeName) since the registry was opened")
        }
        parsed[typeName] = schema
        return schema
    }

    /// `AWS::S3::Bucket` → `aws-s3-bucket.json`.
    static func conventionalName(_ typeName: String) -> String {
        typeName.lowercased().replacingOccurrences(of: "::", with: "-") + ".json"
    }

    /// The type names listed one per line in `directory/types.txt`, or nil without that file.
    static func typeList(in directory: URL) -> [String]? {
        guard let data = FileManager.default.contents(atPath: directory.appendingPathComponent("types.txt").path)
        else { return nil }
        return String(decoding: data, as: UTF8.self).split(separator: "\n").map(String.init).filter { !$0.isEmpty }
    }

    /// The conventionally named file of `typeName` in the newest directory that has one.
    private func conventionalFile(_ typeName: String) -> URL? {
        let name = Self.conventionalName(typeName)
        for source in sources.reversed() {
            let listed = shippedTypes != nil && source.directory.path == shipped?.path
            if listed ? shippedTypes?.contains(typeName) == true : source.names.contains(name) {
                return source.directory.appendingPathComponent(name)
            }
        }
        return nil
    }

    /// typeName → file for every file, built on first need (the caller holds the lock).
    private func builtIndex() -> [String: URL] {
        if let index { return index }
        var files: [String: URL] = [:]
        for source in sources {
            // The listed shipped types are found by their conventional file names, always
            // tried first; `types()` adds their names.
            if shippedTypes != nil, source.directory.path == shipped?.path { continue }
            for name in source.names.sorted() {
                let url = source.directory.appendingPathComponent(name)
                guard let data = FileManager.default.contents(atPath: url.path) else {
                    problems.append(SchemaError(source: url.path, message: "cannot read the file"))
                    continue
                }
                guard let typeName = Self.scanTypeName(Array(data)) else {
                    problems.append(SchemaError(source: url.path, message: "no \"typeName\" member found"))
                    continue
                }
                files[typeName] = url
            }
        }
        index = files
        return files
    }

    private func load(_ url: URL) throws -> ResourceSchema {
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw SchemaError(source: url.path, message: "cannot read the file")
        }
        let document: JSONValue
        do {
            document = try JSONParser.parse(Array(data))
        } catch let e as JSONParseError {
            throw SchemaError(source: url.path, message: e.description)
        }
        return try ResourceSchema(
            document: document, source: url.path,
            fromRegistry: shipped.map { url.deletingLastPathComponent().path == $0.path } ?? false)
    }

    /// Finds the value of the top-level `"typeName"` member without building the document: a
    /// single pass that tracks nesting depth and string boundaries, so a nested `typeName`
    /// (as in `relationshipRef`) is not mistaken for it.
    static func scanTypeName(_ bytes: [UInt8]) -> String? {
        var depth = 0
        var i = 0
        var lastKeyAtTop: String? = nil
        while i < bytes.count {
            let c = bytes[i]
            switch c {
            case UInt8(ascii: "{"), UInt8(ascii: "["): depth += 1
            case UInt8(ascii: "}"), UInt8(ascii: "]"): depth -= 1
            case UInt8(ascii: "\""):
                let start = i + 1
                var end = start
                while end < bytes.count && bytes[end] != UInt8(ascii: "\"") {
                    end += bytes[end] == UInt8(ascii: "\\") ? 2 : 1
                }
                guard end < bytes.count else { return nil }
                let text = String(decoding: bytes[start..<end], as: UTF8.self)
                if depth == 1 {
                    if lastKeyAtTop == "typeName" { return text }
                    var j = end + 1
                    while j < bytes.count && [0x20, 0x0A, 0x0D, 0x09].contains(bytes[j]) { j += 1 }
                    lastKeyAtTop = j < bytes.count && bytes[j] == UInt8(ascii: ":") ? text : nil
                }
                i = end
            case UInt8(ascii: ","): if depth == 1 { lastKeyAtTop = nil }
            default: break
            }
            i += 1
        }
        return nil
    }
}
