import ArgumentParser
import Foundation

@main
enum CCSMain {
    /// Parses and runs the command. ArgumentParser reports usage errors with EX_USAGE (64);
    /// ccs documents 2 for every usage error (docs/CLI.md, "Exit codes"), as most Unix tools
    /// do, so that one code is remapped here and nothing else changes.
    static func main() {
        let arguments = GlobalOptions.normalize(Array(CommandLine.arguments.dropFirst()))
        do {
            var command = try CCSCommand.parseAsRoot(arguments)
            try command.run()
            exitIfStandardOutputFailed()
        } catch {
            let code = CCSCommand.exitCode(for: error)
            if code == .validationFailure {
                let message = CCSCommand.fullMessage(for: error)
                if !message.isEmpty {
                    FileHandle.standardError.write(Data((message + "\n").utf8))
                }
                CCSCommand.exit(withError: ExitCode(usageExitCode))
            }
            CCSCommand.exit(withError: error)
        }
    }

    static let usageExitCode: Int32 = 2

    /// What a command printed through Swift's `print` (`ccs query`, `ccs api`) sits in the C
    /// stdout buffer until exit; a full disk or a closed pipe would then lose it silently with
    /// status 0. Flushing here makes that an error the caller sees.
    static func exitIfStandardOutputFailed() {
        if fflush(stdout) != 0 || ferror(stdout) != 0 {
            let reason = String(cString: strerror(errno))
            FileHandle.standardError.write(Data("ccs: cannot write to standard output: \(reason)\n".utf8))
            CCSCommand.exit(withError: ExitCode(1))
        }
    }
}
