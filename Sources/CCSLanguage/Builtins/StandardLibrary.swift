/// The language's own built-ins (no AWS): registered into every `ScriptRunner`'s registry.
/// Each built-in's doc string is its `:help` text; docs/LANGUAGE.md has examples of each.
public enum StandardLibrary {
    public static func register(into registry: BuiltinRegistry, host: ScriptHost) {
        registry.define("args", .list(ListBox(host.arguments.map { .string($0) })))
        for builtin in coreBuiltins + conversionBuiltins + stringBuiltins + sequenceBuiltins
            + consumingBuiltins + systemBuiltins + fileBuiltins + regexBuiltins + textBuiltins + collectionBuiltins
            + timeBuiltins + hostBuiltins + mathBuiltins + parallelBuiltins {
            registry.register(builtin)
        }
    }
}
