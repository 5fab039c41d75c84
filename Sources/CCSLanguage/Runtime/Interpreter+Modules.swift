import Foundation
import OrderedCollections

extension Interpreter {
    /// Compiles and runs a main script; returns the value of its last top-level expression
    /// statement (what `ccs -e` prints). Throws `CompileErrors`, `ScriptError` or `ScriptExit`.
    public func run(_ source: SourceFile) throws -> Value {
        let program = try Compiler.compile(source, registry: registry)
        return try runProgram(program).value
    }

    /// The file `import "name"` refers to (`ModuleLocator`: the importing script's folder,
    /// then each stdlib folder).
    func locateModule(_ name: String) -> String? {
        ModuleLocator.locate(name, from: source.directory, stdlibPaths: host.stdlibPaths)
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
