import Foundation
import OrderedCollections

extension Interpreter {
    /// Compiles and runs a main script; returns the value of its last top-level expression
    /// statement (what `ccs -e` prints). Throws `CompileErrors`, `ScriptError` or `ScriptExit`.
    public func run(_ source: SourceFile) throws -> Value {
        let program = try Compiler.compile(source, registry: registry)
        return try runProgram(program).value
    }

    /// The file `import "name"` refers to: `name` (with `.ccs` added when it has no
    /// extension) in the importing script's folder, then in each stdlib folder in order.
    func locateModule(_ name: String) -> String? {
        let file = name.hasSuffix(".ccs") ? name : name + ".ccs"
        if file.hasPrefix("/") { return FileManager.default.fileExists(atPath: file) ? file : nil }
        let first = source.directory ?? FileManager.default.currentDirectoryPath
        for folder in [first] + host.stdlibPaths {
            let candidate = (folder as NSString).appendingPathComponent(file)
            if FileManager.default.fileExists(atPath: candidate) {
                return (candidate as NSString).standardizingPath
            }
        }
        return nil
    }

    /// Loads a module once (later imports get the same exports) and returns its exports map.
    func importModule(_ name: String, at location: SourceLocation) throws -> Value {
        guard let path = locateModule(name) else {
            let searched = [source.directory ?? "."] + host.stdlibPaths
            throw error(ErrorCode.importError,
                        "module '\(name)' not found (searched \(searched.joined(separator: ", ")))", at: location)
        }
        if let exports = modules[path] { return exports }
        if loading.contains(path) {
            throw error(ErrorCode.importError, "module '\(name)' imports itself (import cycle)", at: location)
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw error(ErrorCode.importError, "cannot read module '\(name)' at \(path)", at: location)
        }
        let moduleSource = SourceFile(name: path, directory: (path as NSString).deletingLastPathComponent,
                                      bytes: [UInt8](data))
        let program: Program
        do {
            program = try Compiler.compile(moduleSource, registry: registry)
        } catch let failure as CompileErrors {
            let first = failure.errors.first
            let message = first.map { "\(path):\($0.location.line):\($0.location.column): \($0.message)" } ?? path
            throw error(ErrorCode.importError, "syntax error in module '\(name)': \(message)", at: location)
        }
        loading.insert(path)
        defer { loading.remove(path) }
        let savedLast = lastValue
        let (_, frame) = try runProgram(program)
        lastValue = savedLast
        var entries: OrderedDictionary<String, Value> = [:]
        for (exportName, slot) in program.exports { entries[exportName] = frame.slots[slot] }
        let exports = Value.map(MapBox(entries))
        modules[path] = exports
        return exports
    }
}
