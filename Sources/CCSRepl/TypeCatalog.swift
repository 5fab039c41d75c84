import CCSLanguage
import Foundation

/// Resource type names and schemas for completion and `:types`/`:schema`, read through the
/// Cloud Control built-ins `types([prefix])` and `schema(type)` (so the REPL shows what
/// scripts see, whichever backend is wired). Answers are cached for the session.
final class TypeCatalog {
    let interpreter: Interpreter
    private var allTypeNames: [String]?
    private var summaries: [String: SchemaSummary] = [:]
    private var schemas: [String: Value] = [:]
    private var identifierCache: [String: (time: Double, names: [String])] = [:]

    init(interpreter: Interpreter) {
        self.interpreter = interpreter
    }

    /// Known type names starting with `prefix`, sorted; empty when `types` is unavailable.
    func typeNames(prefix: String) -> [String] {
        ((try? allTypes()) ?? []).filter { $0.hasPrefix(prefix) }
    }

    /// `:types FILTER`: the names containing FILTER, ignoring case (`s3` finds
    /// `AWS::S3::Bucket`), sorted; every name without a filter.
    func typeNames(containing filter: String?) throws -> [String] {
        let names = try allTypes()
        guard let filter = filter?.lowercased(), !filter.isEmpty else { return names }
        return names.filter { $0.lowercased().contains(filter) }
    }

    /// Every type name `types()` knows, fetched once.
    private func allTypes() throws -> [String] {
        if let allTypeNames { return allTypeNames }
        let names = try listTypes(prefix: nil)
        allTypeNames = names
        return names
    }

    /// `types(prefix)` as strings. Throws what the built-in throws, or a ScriptError when
    /// no `types` built-in is registered.
    func listTypes(prefix: String?) throws -> [String] {
        let result = try callBuiltin("types", prefix.map { [.string($0)] } ?? [])
        var names: [String] = []
        switch result {
        case .list(let box):
            for case .string(let name) in box.items { names.append(name) }
        case .sequence(let box):
            let iterator = box.makeIterator()
            while let item = try iterator.next() {
                if case .string(let name) = item { names.append(name) }
            }
        default: break
        }
        return names.sorted()
    }

    /// The schema of `type`, summarised. Throws what `schema(type)` throws.
    func summary(of type: String) throws -> SchemaSummary {
        if let cached = summaries[type] { return cached }
        let summary = SchemaSummary(schema: try schema(of: type))
        summaries[type] = summary
        return summary
    }

    /// The schema of `type` as `schema(type)` returns it, fetched once.
    func schema(of type: String) throws -> Value {
        if let cached = schemas[type] { return cached }
        let schema = try callBuiltin("schema", [.string(type)])
        schemas[type] = schema
        return schema
    }

    /// The identifiers of `type`'s resources for completion: the first `identifierLimit`
    /// of `list(type)`, listed at the first Tab that needs them and kept for
    /// `identifierLifetime` seconds, so a Tab costs no request while it is fresh and a
    /// resource made meanwhile shows up after. Empty when the listing fails (a type that
    /// needs a model to be listed, no credentials).
    func identifiers(of type: String) -> [String] {
        let now = Date().timeIntervalSince1970
        if let cached = identifierCache[type], now - cached.time < TypeCatalog.identifierLifetime {
            return cached.names
        }
        var names: [String] = []
        let options = Value.map(MapBox(["max_items": .int(TypeCatalog.identifierLimit)]))
        if case .sequence(let box)? = try? callBuiltin("list", [.string(type), options]) {
            let iterator = box.makeIterator()
            while let item = try? iterator.next() {
                if case .object(let object) = item, case .string(let id)? = try? object.field("id") {
                    names.append(id)
                }
            }
        }
        identifierCache[type] = (now, names)
        return names
    }

    static let identifierLimit = 500
    static let identifierLifetime = 60.0

    /// What a map of properties is for: a create sets any property but the read-only ones;
    /// an update (`patch`) cannot change create-only ones either.
    enum Purpose {
        case create, update
    }

    /// Property names a create or an update may set.
    func settableProperties(of type: String, for purpose: Purpose) -> [String] {
        guard let summary = try? summary(of: type) else { return [] }
        return summary.properties.map(\.name).filter {
            !summary.readOnly.contains($0) && (purpose == .create || !summary.createOnly.contains($0))
        }
    }

    private func callBuiltin(_ name: String, _ arguments: [Value]) throws -> Value {
        guard let function = interpreter.registry.lookup(name) else {
            throw ScriptError(
                code: "NotAvailable", message: "the built-in '\(name)' is not available in this build")
        }
        return try interpreter.call(function, arguments, at: SourceLocation(line: 1, column: 1, offset: 0))
    }
}
