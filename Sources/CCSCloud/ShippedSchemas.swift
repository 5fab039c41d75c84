import ResourceSchemas

/// The schemas shipped with ccs (plus optional extra folders), opened on first use so that
/// scripts which never ask for a schema do not pay for indexing them.
public final class ShippedSchemas: SchemaSource {
    private let directories: [String]
    private var opened: SchemaRegistry?

    public init(directories: [String] = []) {
        self.directories = directories
    }

    /// The underlying registry (shared with an in-process emulator so both see one set).
    public func registry() throws -> SchemaRegistry {
        if let opened { return opened }
        let registry = try SchemaRegistry(directories: directories)
        opened = registry
        return registry
    }

    public func schema(for typeName: String) throws -> ResourceSchema? {
        try registry().schema(for: typeName)
    }

    public func types() -> [String] {
        (try? registry().types()) ?? []
    }
}
