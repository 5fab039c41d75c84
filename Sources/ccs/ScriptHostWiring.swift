import CCSLanguage
import Foundation

/// Builds the script runner for the command line: stdout, stderr, the process environment,
/// the stdlib search path, and the built-ins. The Cloud Control built-ins (CCSCloud) are
/// added here, in `makeRunner`, when that module provides them.
struct ScriptHostWiring {
    let arguments: [String]

    func makeRunner() -> ScriptRunner {
        let environment = ProcessInfo.processInfo.environment
        let executable = CommandLine.arguments.first ?? "ccs"
        let host = ScriptHost(
            output: OutputSink.standardOutput(),
            arguments: arguments,
            environment: environment,
            stdlibPaths: ScriptRunner.stdlibSearchPath(environment: environment, executable: executable)
        )
        return ScriptRunner(host: host) { message in
            FileHandle.standardError.write(Data(message.utf8))
        }
    }
}
