import CCSLanguage

/// Resource type names and schemas for completion and `:types`/`:schema`, read through the
/// Cloud Control built-ins `types([prefix])` and `schema(type)` (so the REPL shows what
/// scripts see, whichever backend is wired). Answers are cached for the session.
final class TypeCatalog {
    let interpreter: Interpreter
    private var allTypeNames: [String]?
    private var summaries: [String: SchemaSummary] = [:]

    init(interpreter: Interpreter) {
        self.interpreter = interpreter
    }

    /// Known type names starting with `prefix`, sorted; empty when `types` is unavailable.
    func typeNames(prefix: String) -> [String] {
        if allTypeNames == nil {
            allTypeNames = (try? listTypes(prefix: nil)) ?? []
        }
        return (allTypeNames ?? []).filter { $0.hasPrefix(prefix) }
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
        let summary = SchemaSummary(schema: try callBuiltin("schema", [.string(type)]))
        summaries[type] = summary
        return summary
    }

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
