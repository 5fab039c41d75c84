import CCSCloud
import CCSLanguage
import Foundation

/// Builds the script runner for the command line: stdout, stderr, the process environment,
/// the stdlib search path, and the built-ins: the language's own and the Cloud Control ones
/// (CCSCloud), bound to the service the global options select.
struct ScriptHostWiring {
    let arguments: [String]
    let global: GlobalOptions

    func makeRunner() -> ScriptRunner {
        let environment = ProcessInfo.processInfo.environment
        let executable = CommandLine.arguments.first ?? "ccs"
        let host = ScriptHost(
            output: OutputSink.standardOutput(),
            arguments: arguments,
            environment: environment,
            stdlibPaths: ScriptRunner.stdlibSearchPath(environment: environment, executable: executable),
            embeddedModules: EmbeddedStdlib.modules
        )
        // Diagnostics quote messages from the service and values from anywhere: on a terminal
        // their control characters are shown escaped, into a pipe or file they stay exact.
        let toTerminal = isatty(2) != 0
        let runner = ScriptRunner(host: host) { message in
            FileHandle.standardError.write(Data((toTerminal ? TerminalText.escaped(message) : message).utf8))
        }
        let session = CloudWiring.session(global)
        CloudBuiltins.register(into: runner.registry, session: session)
        return runner
    }
}
