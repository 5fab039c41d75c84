import ArgumentParser
import CCSLanguage
import Foundation

/// `ccs FILE.ccs [ARGS...]`, `ccs -e CODE [ARGS...]`, `ccs - [ARGS...]`: runs a script.
/// Everything after the script name goes to the script as `args`, flags included
/// (`ccs sweep.ccs --dry-run`).
struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run a ccs script (the default command).",
        discussion: """
            ccs FILE.ccs [ARGS...]   run a script; ARGS become the list `args`
            ccs -e 'CODE' [ARGS...]  evaluate CODE and print the last value unless it is null
            ccs - [ARGS...]          run the script read from standard input
            Exit status: 0 success, 1 runtime error, 2 usage error, 3 syntax error, 253 no region, \
            credentials or endpoint.
            """
    )

    @OptionGroup var global: GlobalOptions

    @Option(name: .customShort("e"), help: "Evaluate CODE and print the value of the last expression unless it is null.")
    var code: String?

    @Argument(
        parsing: .captureForPassthrough, help: "The script (a file, or - for stdin) and its arguments.",
        completion: .file(extensions: ["ccs"]))
    var script: [String] = []

    func run() throws {
        let source: SourceFile
        var scriptArguments = script
        if let code {
            source = SourceFile(name: "<eval>", directory: nil, bytes: Array(code.utf8))
        } else if let first = script.first {
            scriptArguments.removeFirst()
            if first.hasPrefix("-"), first != "-" {
                // A script's own flags come after its name; before it, only ccs's options.
                FileHandle.standardError.write(
                    Data("ccs: unknown option '\(first)'\nUsage: ccs [options] [FILE.ccs | -e CODE | -] [ARGS...]\nSee 'ccs --help'.\n".utf8))
                throw ExitCode(ExitStatus.usage)
            }
            if first == "-" {
                source = SourceFile(name: "<stdin>", directory: nil, bytes: Self.readStandardInput())
            } else {
                guard let data = FileManager.default.contents(atPath: first) else {
                    FileHandle.standardError.write(Data("ccs: cannot open '\(first)'\n".utf8))
                    throw ExitCode(ExitStatus.usage)
                }
                let directory = (first as NSString).deletingLastPathComponent
                source = SourceFile(name: first, directory: directory.isEmpty ? "." : directory, bytes: [UInt8](data))
            }
        } else if isatty(0) == 0 {
            source = SourceFile(name: "<stdin>", directory: nil, bytes: Self.readStandardInput())
        } else {
            let status = runREPL(arguments: scriptArguments)
            if status != ExitStatus.success { throw ExitCode(status) }
            return
        }
        let runner = ScriptHostWiring(arguments: scriptArguments, global: global).makeRunner()
        // Ctrl-C and SIGTERM become a catchable error, so the script's finally blocks run.
        runner.interruptibleBySignals = true
        let status = runner.run(source, printResult: code != nil)
        if status != ExitStatus.success { throw ExitCode(status) }
    }

    static func readStandardInput() -> [UInt8] {
        [UInt8](FileHandle.standardInput.readDataToEndOfFile())
    }
}
