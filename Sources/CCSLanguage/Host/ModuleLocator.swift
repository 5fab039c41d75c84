import Foundation

/// Where `import "name"` finds its file, for the interpreter and for editors (`ccs lsp`):
/// `name` (with `.ccs` added when it has no extension) in the importing script's folder (the
/// current directory for stdin and `-e`), then in each stdlib folder in order.
public enum ModuleLocator {
    public static func locate(_ name: String, from directory: String?, stdlibPaths: [String]) -> String? {
        let file = name.hasSuffix(".ccs") ? name : name + ".ccs"
        if file.hasPrefix("/") { return FileManager.default.fileExists(atPath: file) ? file : nil }
        let first = directory ?? FileManager.default.currentDirectoryPath
        for folder in [first] + stdlibPaths {
            let candidate = (folder as NSString).appendingPathComponent(file)
            if FileManager.default.fileExists(atPath: candidate) {
                return (candidate as NSString).standardizingPath
            }
        }
        return nil
    }
}
