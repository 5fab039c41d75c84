import ArgumentParser
import CCSLanguage
import CCSLanguageServer
import Foundation
import ResourceSchemas

/// `ccs lsp`: the language server for editors, speaking LSP over stdin and stdout
/// (docs/EDITORS.md). It knows the same predefined names, stdlib and resource types as
/// `ccs FILE`; it never calls AWS.
struct LSPCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lsp",
        abstract: "Run the language server for .ccs files (LSP over stdio), for editors.",
        discussion: """
            Diagnostics, completion (built-ins, stdlib members, resource type names, property \
            names in create/patch maps), hover, go to definition and document symbols. \
            Editors start it themselves: see docs/EDITORS.md.
            """)

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Load further resource type schemas (*.json) from this folder (repeatable; also CCS_SCHEMAS).",
            valueName: "dir"))
    var schemas: [String] = []

    @Flag(name: .long, help: .hidden)
    var stdio = false

    func run() throws {
        let environment = ProcessInfo.processInfo.environment
        let fromEnvironment = SchemaFolders.split(environment["CCS_SCHEMAS"] ?? "", environment: environment)
        let registry: SchemaRegistry
        do {
            registry = try SchemaRegistry(includeShipped: true, directories: fromEnvironment + schemas)
        } catch {
            FileHandle.standardError.write(Data("ccs lsp: \(error)\n".utf8))
            throw ExitCode.failure
        }
        // The same built-ins a script gets; the Cloud Control session they hold is created on
        // a first call, which the server never makes.
        let runner = ScriptHostWiring(arguments: [], global: try GlobalOptions.parse([])).makeRunner()
        let server = LanguageServer(
            connection: JSONRPCConnection(input: STDIN_FILENO, output: STDOUT_FILENO), registry: runner.registry,
            schemas: registry, stdlibPaths: runner.host.stdlibPaths)
        let status = server.run()
        if status != 0 { throw ExitCode(status) }
    }
}
