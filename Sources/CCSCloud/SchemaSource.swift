import ResourceSchemas

/// Where the built-ins find resource type schemas (`schema`, `types`, compound identifiers
/// given as maps, and the patch builder's read-only, create-only and `insertionOrder` rules).
/// The emulator's `SchemaRegistry` (the schemas shipped with ccs, plus extra folders) is one;
/// `DescribeTypeSchemas` (CloudFormation's DescribeType against AWS or `ccs serve`) another;
/// `SchemaSourceChain` asks several in order.
public protocol SchemaSource: AnyObject {
    /// The parsed schema of `typeName`, or nil when the source does not know the type.
    func schema(for typeName: String) throws -> ResourceSchema?
    /// Every known type name, sorted.
    func types() -> [String]
}

extension SchemaRegistry: SchemaSource {}
