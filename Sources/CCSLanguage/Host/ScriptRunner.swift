import Foundation

/// The host wiring for running a script: a registry with the language's built-ins (to
/// which other modules, such as CCSCloud, add their own before `run`), the host's output
/// and arguments, and the rendering of uncaught errors. Used by `ccs FILE`, `ccs -e`,
/// `ccs -` and by tests.
public final class ScriptRunner {
    public let registry: BuiltinRegistry
    public let host: ScriptHost
    /// Where diagnostics go (stderr for the CLI).
    public let errorOutput: (String) -> Void
    public var maxCallDepth = 20_000
    /// Whether SIGINT and SIGTERM become a catchable `Interrupted` error in the script (the
    /// command line) rather than killing the process at once (see `ScriptSignals`).
    public var interruptibleBySignals = false
    /// The exit status of an uncaught runtime error: 1 unless the host says otherwise (ccs
    /// exits 253 for configuration errors, as the AWS CLI does; docs/CLI.md, "Exit codes").
    public var uncaughtErrorStatus: (ScriptError) -> Int32 = { _ in ExitStatus.runtimeError }

    /// A runner with the standard built-ins and `args` already registered.
    public init(host: ScriptHost, errorOutput: @escaping (String) -> Void) {
        self.registry = BuiltinRegistry()
        self.host = host
        self.errorOutput = errorOutput
        StandardLibrary.register(into: registry, host: host)
    }

    /// The stdlib folders: `$CCS_STDLIB_PATH` (colon-separated) if set, then a `stdlib`
    /// folder next to the executable or in one of its parent folders (the repository layout:
    /// `.build/<config>/ccs` → `stdlib/`), then `/usr/local/share/ccs/stdlib`.
    public static func stdlibSearchPath(environment: [String: String], executable: String) -> [String] {
        var paths: [String] = []
        if let configured = environment["CCS_STDLIB_PATH"], !configured.isEmpty {
            paths += configured.split(separator: ":").map(String.init)
        }
        var folder = (URL(fileURLWithPath: executable).resolvingSymlinksInPath().path as NSString).deletingLastPathComponent
        for _ in 0..<5 {
            let candidate = (folder as NSString).appendingPathComponent("stdlib")
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: candidate, isDirectory: &isDirectory), isDirectory.boolValue {
                paths.append(candidate)
                break
            }
            let parent = (folder as NSString).deletingLastPathComponent
            if parent == folder { break }
            folder = parent
        }
        paths.append("/usr/local/share/ccs/stdlib")
        return paths
    }

    /// Runs `source` on a large-stack thread and returns the exit status. With `printResult`
    /// the value of the last top-level expression is printed unless it is null (`ccs -e`).
    public func run(_ source: SourceFile, printResult: Bool = false) -> Int32 {
        let registry = self.registry
        let host = self.host
        let depth = maxCallDepth
        let report = errorOutput
        let interruption = interruptibleBySignals ? Interruption() : nil
        let signals = interruption.map { ScriptSignals(requesting: $0) }
        defer { signals?.stop() }
        let uncaughtStatus = uncaughtErrorStatus
        return LargeStack.run {
            let status = Self.execute(source, registry: registry, host: host, maxCallDepth: depth,
                                      interruption: interruption, printResult: printResult, report: report,
                                      uncaughtStatus: uncaughtStatus)
            host.output.flush()
            // Output that could not be written is an error even when the script succeeded: a
            // caller piping `ccs` into a file must not take a truncated file for a whole one.
            if let failure = host.output.failure {
                report("ccs: cannot write to standard output: \(failure)\n")
                return status == ExitStatus.success ? ExitStatus.runtimeError : status
            }
            return status
        }
    }

    private static func execute(
        _ source: SourceFile, registry: BuiltinRegistry, host: ScriptHost, maxCallDepth depth: Int,
        interruption: Interruption?, printResult: Bool, report: (String) -> Void,
        uncaughtStatus: (ScriptError) -> Int32
    ) -> Int32 {
        let interpreter = Interpreter(registry: registry, host: host, maxCallDepth: depth)
        interpreter.interruption = interruption
        do {
            let value = try interpreter.run(source)
            if printResult, !(value.isNull) {
                host.output.write(try interpreter.displayString(value) + "\n")
            }
            return ExitStatus.success
        } catch let errors as CompileErrors {
            host.output.flush()
            report(DiagnosticRenderer.render(errors))
            return ExitStatus.syntaxError
        } catch let failure as ScriptError {
            host.output.flush()
            report(DiagnosticRenderer.render(failure, libraryFolders: host.stdlibPaths,
                                             sources: { $0 == source.name ? source : nil }))
            if failure.code == ErrorCode.interrupted, let signal = interpreter.interruptedBy {
                return interrupted(by: signal, registry: registry, report: report)
            }
            return uncaughtStatus(failure)
        } catch let exit as ScriptExit {
            return exit.status
        } catch let stop as ScriptInterrupted {
            host.output.flush()
            report("ccs: \(source.name): interrupted by \(ScriptSignals.name(of: stop.signal))\n")
            return interrupted(by: stop.signal ?? SIGINT, registry: registry, report: report)
        } catch {
            host.output.flush()
            report("\(source.name): error: \(error)\n")
            return ExitStatus.runtimeError
        }
    }
}

extension ScriptRunner {
    /// Ends a run stopped by `signal`: the hosts' reports (requests still in flight), then
    /// the shell's status for death by that signal, 128 + its number (130 for SIGINT, 143
    /// for SIGTERM).
    private static func interrupted(by signal: Int32, registry: BuiltinRegistry, report: (String) -> Void) -> Int32 {
        for lines in registry.interruptionReports.map({ $0() }) {
            for line in lines { report(line + "\n") }
        }
        return 128 + signal
    }
}

extension Value {
    /// True for `.null`.
    public var isNull: Bool {
        if case .null = self { return true }
        return false
    }
}
