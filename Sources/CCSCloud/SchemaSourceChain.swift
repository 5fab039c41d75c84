import ResourceSchemas

/// Asks several schema sources in order: the first that knows a type answers. `types()` is
/// the union of what every source lists. ccs chains the shipped schemas and extra folders
/// first, then CloudFormation's DescribeType against the current backend.
public final class SchemaSourceChain: SchemaSource {
    public let sources: [SchemaSource]

    public init(_ sources: [SchemaSource]) {
        self.sources = sources
    }

    /// The first source's schema of `typeName`. An error of one source is remembered and
    /// thrown only when no later source knows the type, so an unreachable CloudFormation does
    /// not hide a schema from a folder (and vice versa).
    public func schema(for typeName: String) throws -> ResourceSchema? {
        var firstError: Error?
        for source in sources {
            do {
                if let found = try source.schema(for: typeName) { return found }
            } catch {
                firstError = firstError ?? error
            }
        }
        if let firstError { throw firstError }
        return nil
    }

    public func types() -> [String] {
        Set(sources.flatMap { $0.types() }).sorted()
    }
}
