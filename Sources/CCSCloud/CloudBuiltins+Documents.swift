import CCSLanguage

extension CloudBuiltins {
    static func registerDocuments(into registry: BuiltinRegistry, session: CloudSession) {
        registry.register(
            Builtin(
                "schema", arity: 1,
                doc: """
                    schema(type) -> map
                    The type's CloudFormation registry schema (primaryIdentifier, properties, readOnlyProperties, createOnlyProperties...) from the schemas shipped with ccs and the --schemas folders, else (against AWS or ccs serve) from CloudFormation's DescribeType.
                    """
            ) { args, context in
                let type = try context.string(args, 0, "schema")
                return JSONBridge.value(try session.schema(type, for: "schema").schema.document)
            })

        registry.register(
            Builtin(
                "types", minArity: 0, maxArity: 1,
                doc: """
                    types([prefix]) -> list of strings
                    The resource type names ccs has schemas for (shipped, --schemas folders, and types fetched by DescribeType so far), sorted; only those starting with prefix when given.
                    """
            ) { args, context in
                let prefix = args.isEmpty || args[0].isNull ? "" : try context.string(args, 0, "types")
                let names = session.schemas?.types() ?? []
                return .list(ListBox(names.filter { $0.hasPrefix(prefix) }.map(Value.string)))
            })
    }
}
