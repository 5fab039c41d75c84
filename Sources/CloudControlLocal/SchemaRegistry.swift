import Foundation
import JSONCore

/// The resource types the emulator knows: the schemas shipped with ccs (package resources)
/// plus any number of extra directories of `*.json` registry schemas (`--schemas DIR`).
///
/// Opening a registry only reads each file's `typeName`; a schema is parsed in full the first
/// time it is asked for, then cached. A type found in an extra directory overrides a shipped
/// one of the same name, and later directories override earlier ones. Safe to use from
/// several threads.
public final class SchemaRegistry: @unchecked Sendable {
    private let files: [String: URL]
    private var parsed: [String: ResourceSchema] = [:]
    private let lock = NSLock()

    /// Indexes the shipped schemas (unless `includeShipped` is false) and every `*.json` file in
    /// `directories`. Throws `SchemaError` for an unreadable directory or a file without a
    /// `typeName`.
    public init(includeShipped: Bool = true, directories: [String] = []) throws {
        var files: [String: URL] = [:]
        var sources: [URL] = []
        if includeShipped {
            guard let shipped = Self.shippedDirectory else {
                throw SchemaError(
                    source: "CloudControlLocal", message: "the shipped Schemas resource folder is missing")
            }
            sources.append(shipped)
        }
        sources += directories.map { URL(fileURLWithPath: $0, isDirectory: true) }
        for dir in sources {
            let names: [String]
            do {
                names = try FileManager.default.contentsOfDirectory(atPath: dir.path)
            } catch {
                throw SchemaError(source: dir.path, message: "cannot read the schema directory")
            }
            for name in names.sorted() where name.hasSuffix(".json") {
                let url = dir.appendingPathComponent(name)
                guard let data = FileManager.default.contents(atPath: url.path) else {
                    throw SchemaError(source: url.path, message: "cannot read the file")
                }
                guard let typeName = Self.scanTypeName(Array(data)) else {
                    throw SchemaError(source: url.path, message: "no \"typeName\" member found")
                }
                files[typeName] = url
            }
        }
        self.files = files
    }

    /// The folder of schemas shipped in this module's resource bundle.
    ///
    /// An installed `ccs` keeps the `ccs_CloudControlLocal.resources` bundle next to the
    /// executable (also when reached through a symlink); those places are tried first. Otherwise
    /// `Bundle.module` is asked, which also knows the build directory of a development build
    /// (and traps if the bundle is nowhere, as SwiftPM's generated accessor does).
    public static var shippedDirectory: URL? {
        let bundleName = "ccs_CloudControlLocal.resources"
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

    /// Every known type name, sorted (for listing and completion).
    public func types() -> [String] {
        files.keys.sorted()
    }

    /// True when the type is known, without parsing its schema.
    public func contains(_ typeName: String) -> Bool {
        files[typeName] != nil
    }

    /// The parsed schema of `typeName`, or nil if the type is unknown. Throws `SchemaError` when
    /// the file is not a valid schema.
    public func schema(for typeName: String) throws -> ResourceSchema? {
        lock.lock()
        defer { lock.unlock() }
        if let cached = parsed[typeName] { return cached }
        guard let url = files[typeName] else { return nil }
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw SchemaError(source: url.path, message: "cannot read the file")
        }
        let document: JSONValue
        do {
            document = try JSONParser.parse(Array(data))
        } catch let e as JSONParseError {
            throw SchemaError(source: url.path, message: e.description)
        }
        let schema = try ResourceSchema(document: document, source: url.path)
        guard schema.typeName == typeName else {
            throw SchemaError(
                source: url.path,
                message: "typeName changed to \(schema.typeName) since the registry was opened")
        }
        parsed[typeName] = schema
        return schema
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
