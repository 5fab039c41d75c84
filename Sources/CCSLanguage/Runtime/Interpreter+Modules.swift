import Foundation
import OrderedCollections

extension Interpreter {
    /// Compiles and runs a main script; returns the value of its last top-level expression
    /// statement (what `ccs -e` prints). Throws `CompileErrors`, `ScriptError` or `ScriptExit`.
    public func run(_ source: SourceFile) throws -> Value {
        let program = try Compiler.compile(source, registry: registry)
        return try runProgram(program).value
    }

    /// What `import "name"` refers to (`ModuleLocator`).
    func locateModule(_ name: String) -> ModuleLocation? {
        ModuleLocator.locate(
            name, importer: source.name, from: source.directory, importerIsEmbedded: source.isEmbedded,
            stdlibPaths: host.stdlibPaths, embeddedModules: host.embeddedModules)
    }

    /// Loads a module once (later imports get the same exports) and returns its exports map.
    func importModule(_ name: String, at location: SourceLocation) throws -> Value {
        guard let found = locateModule(name) else {
            var searched = [source.directory ?? "."] + host.stdlibPaths
            if !host.embeddedModules.isEmpty { searched.append("the stdlib built into ccs") }
            throw error(ErrorCode.importError,
                        "module '\(name)' not found (searched \(searched.joined(separator: ", ")))", at: location)
        }
        let path: String
        let bytes: [UInt8]
        let directory: String?
        switch found {
        case .file(let file):
            path = file
            directory = (file as NSString).deletingLastPathComponent
            if let exports = modules[path] { return exports }
            if loading.contains(path) { throw cycle(name, path, at: location) }
            guard let data = FileManager.default.contents(atPath: path) else {
                throw error(ErrorCode.importError, "cannot read module '\(name)' at \(path)", at: location)
            }
            bytes = [UInt8](data)
        case .embedded(let module):
            path = SourceFile.embeddedPrefix + module + ".ccs"
            directory = nil
            if let exports = modules[path] { return exports }
            if loading.contains(path) { throw cycle(name, path, at: location) }
            bytes = Array((host.embeddedModules[module] ?? "").utf8)
        }
        let moduleSource = SourceFile(name: path, directory: directory, bytes: bytes)
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

    /// The error for a module imported while it is still loading, naming the file and, when
    /// its name is a stdlib module's, saying that it shadows that module.
    private func cycle(_ name: String, _ path: String, at location: SourceLocation) -> ScriptError {
        var message = "module '\(name)' imports itself (import cycle through \(path))"
        if let module = embeddedModuleName(name), host.embeddedModules[module] != nil, !path.hasPrefix(SourceFile.embeddedPrefix) {
            message += "; \(path) shadows the stdlib module '\(module)': rename it to use the stdlib's"
        }
        return error(ErrorCode.importError, message, at: location)
    }
}

extension SourceFile {
    /// How a built-in module's source is named in diagnostics: "<stdlib>/tags.ccs".
    static let embeddedPrefix = "<stdlib>/"
    /// Whether this is a module built into the host.
    var isEmbedded: Bool { directory == nil && name.hasPrefix(SourceFile.embeddedPrefix) }
}
