import JSONCore
import CCSCloud
import CCSLanguage
import CloudControl
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
        runner.uncaughtErrorStatus = Self.exitStatus
        let session = CloudWiring.session(global)
        CloudBuiltins.register(into: runner.registry, session: session)
        return runner
    }

    /// An uncaught error from settings, credentials or endpoints that cannot be resolved
    /// (no region, no credentials) exits 253, as `ccs api` and the AWS CLI do; every other
    /// runtime error exits 1. The Cloud Control built-ins name such errors after their type
    /// (CCSCloud's `CloudErrors.api`).
    static func exitStatus(of error: ScriptError) -> Int32 {
        configurationErrorCodes.contains(error.code) ? ApiFailure.configuration : ExitStatus.runtimeError
    }

    static let configurationErrorCodes: Set<String> = [
        String(describing: ConfigurationError.self), String(describing: CredentialError.self),
        String(describing: EndpointError.self),
    ]
}
