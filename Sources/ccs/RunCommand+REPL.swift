import CCSLanguage
import CCSRepl
import CloudControlLocal
import Foundation

extension RunCommand {
    /// `ccs` with no script on a terminal: the interactive prompt, with the same built-ins
    /// and backend a script gets.
    func runREPL(arguments: [String]) -> Int32 {
        let environment = ProcessInfo.processInfo.environment
        var configuration = ReplConfiguration(environment: environment) { [global] in
            ReplEnvironmentReport.lines(global: global, environment: environment)
        }
        configuration.version = CCSVersion.string
        if global.local { configuration.account = LocalConfiguration().account }
        // Ctrl-C reaches the Cloud Control built-ins through the interpreter's interruption,
        // which the REPL sets from `configuration.interruption`.
        let runner = ScriptHostWiring(arguments: arguments, global: global).makeRunner()
        return Repl.run(registry: runner.registry, host: runner.host, configuration: configuration)
    }
}
