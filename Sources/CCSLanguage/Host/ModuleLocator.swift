import Foundation

/// Where a module was found.
public enum ModuleLocation: Equatable {
    case file(String)
    /// A module built into the host, by name.
    case embedded(String)
}

/// Where `import "name"` finds its module, for the interpreter and for editors (`ccs lsp`):
/// `name` (with `.ccs` added when it has no extension) in the importing script's folder (the
/// current directory for stdin and `-e`), then in each stdlib folder in order, then among the
/// modules built into the host. A module built in looks among its siblings first. The
/// importing file itself is skipped: a script named like a stdlib module (`inventory.ccs`
/// importing "inventory") gets the stdlib module, not an import cycle.
public enum ModuleLocator {
    public static func locate(
        _ name: String, importer: String?, from directory: String?, importerIsEmbedded: Bool = false,
        stdlibPaths: [String], embeddedModules: [String: String] = [:]
    ) -> ModuleLocation? {
        let file = name.hasSuffix(".ccs") ? name : name + ".ccs"
        if file.hasPrefix("/") { return FileManager.default.fileExists(atPath: file) ? .file(file) : nil }
        let embedded = embeddedModuleName(name)
        if importerIsEmbedded, let embedded, embeddedModules[embedded] != nil { return .embedded(embedded) }
        let first = directory ?? FileManager.default.currentDirectoryPath
        let importerPath = importer.map(absolutePath)
        for folder in (importerIsEmbedded ? [] : [first]) + stdlibPaths {
            let candidate = ((folder as NSString).appendingPathComponent(file) as NSString).standardizingPath
            if FileManager.default.fileExists(atPath: candidate), absolutePath(candidate) != importerPath {
                return .file(candidate)
            }
        }
        if let embedded, embeddedModules[embedded] != nil { return .embedded(embedded) }
        return nil
    }

    /// The file of a module, for an editor that opens files (modules built into the host have
    /// none).
    public static func locate(_ name: String, from directory: String?, stdlibPaths: [String]) -> String? {
        if case .file(let path)? = locate(name, importer: nil, from: directory, stdlibPaths: stdlibPaths) {
            return path
        }
        return nil
    }

    private static func absolutePath(_ path: String) -> String {
        let full =
            path.hasPrefix("/")
            ? path : (FileManager.default.currentDirectoryPath as NSString).appendingPathComponent(path)
        return (full as NSString).standardizingPath
    }
}

/// The stdlib name an import refers to ("tags" for `import "tags"` or "tags.ccs"), or nil
/// for a path (`import "lib/x.ccs"`), which never means a built-in module.
func embeddedModuleName(_ name: String) -> String? {
    let base = name.hasSuffix(".ccs") ? String(name.dropLast(4)) : name
    return base.isEmpty || base.contains("/") ? nil : base
}
