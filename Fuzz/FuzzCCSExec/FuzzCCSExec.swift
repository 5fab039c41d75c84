// libFuzzer harness: arbitrary bytes as a .ccs script, compiled AND run by the interpreter,
// as `ccs FILE` runs it. FuzzCCSSource stops after the resolver; this target reaches the
// evaluator, the built-ins and the values they build, which is where the interpreter's
// unretained references and raw frame pointers live (docs/FUZZING.md).
//
// Two things make arbitrary programs safe to run thousands of times a second:
// - Only side-effect-free built-ins are registered (`FuzzBuiltins`): no files, no sleeping,
//   no network or processes (CCSCloud's built-ins are not linked at all), and `import`
//   searches an empty folder.
// - Every run has a wall-clock budget enforced through the interpreter's own `Interruption`
//   (the REPL's Ctrl-C), which it polls at every call and loop iteration and which lazy
//   sequences check per element, so `while true {}` and `sum(range(1000000000))` end with
//   `ScriptInterrupted` instead of hanging libFuzzer.
@testable import CCSLanguage
import CFuzzDriver
import Foundation

/// The built-ins a fuzzed program may call: every pure one of the standard library. From
/// `systemBuiltins` only the names listed here, so that a built-in added there later (which
/// may touch the outside world) stays out until someone decides it is safe to fuzz.
enum FuzzBuiltins {
    static let allowedSystemBuiltins: Set<String> = ["env", "now", "exit"]

    static func registry(host: ScriptHost) -> BuiltinRegistry {
        let registry = BuiltinRegistry()
        registry.define("args", .list(ListBox([.string("fuzz")])))
        let pure = StandardLibrary.coreBuiltins + StandardLibrary.conversionBuiltins
            + StandardLibrary.stringBuiltins + StandardLibrary.sequenceBuiltins
            + StandardLibrary.consumingBuiltins + StandardLibrary.regexBuiltins + StandardLibrary.textBuiltins
            + StandardLibrary.collectionBuiltins + StandardLibrary.timeBuiltins
        for builtin in pure { registry.register(builtin) }
        for builtin in StandardLibrary.systemBuiltins where allowedSystemBuiltins.contains(builtin.name) {
            registry.register(builtin)
        }
        return registry
    }
}

/// Requests an `Interruption` when a run outlives its budget. One thread for the whole
/// fuzzing session (a thread per input would cost more than most runs).
final class Watchdog: @unchecked Sendable {
    private let condition = NSCondition()
    private var deadline: Date?
    private var target: Interruption?
    /// Bumped by every `arm` and `disarm`, so a wake-up for an earlier run never interrupts
    /// a later one.
    private var generation = 0

    init() {
        let thread = Thread { [unowned self] in self.watch() }
        thread.name = "FuzzCCSExec watchdog"
        thread.start()
    }

    func arm(_ interruption: Interruption, seconds: Double) {
        condition.lock()
        target = interruption
        deadline = Date(timeIntervalSinceNow: seconds)
        generation += 1
        condition.broadcast()
        condition.unlock()
    }

    func disarm() {
        condition.lock()
        deadline = nil
        target = nil
        generation += 1
        condition.broadcast()
        condition.unlock()
    }

    private func watch() {
        condition.lock()
        while true {
            guard let due = deadline else {
                condition.wait()
                continue
            }
            let armed = generation
            if !condition.wait(until: due), generation == armed, let target {
                target.request()
                deadline = nil
            }
        }
    }
}

/// Per-run budget in milliseconds: `FUZZ_EXEC_MILLISECONDS` or 100. Long enough for every
/// golden script under ASan; an input that needs more is cut off, which is not a finding.
let budgetSeconds: Double = {
    let configured = ProcessInfo.processInfo.environment["FUZZ_EXEC_MILLISECONDS"].flatMap(Double.init)
    return (configured ?? 100) / 1000
}()

/// An empty folder for `import` to search, so that a fuzzed `import "x"` never runs a script
/// that happens to lie in the current directory. Absolute paths still reach the file system,
/// read-only; whatever they load can call only the built-ins above.
let importFolder: String = {
    let path = NSTemporaryDirectory() + "FuzzCCSExec-\(getpid())"
    try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    return path
}()

/// The deepest script recursion allowed, below `ScriptRunner`'s 20,000: the same "stack
/// overflow" error path, reached 20 times sooner. Under ASan a 20,000-deep recursion and the
/// unwinding of its error trace take seconds, and mutated recursive seeds are common, so the
/// full depth would spend most of a run on a handful of inputs.
let maxCallDepth = 1000

let watchdog = Watchdog()
let discard = OutputSink { _ in }
let host = ScriptHost(output: discard, arguments: ["fuzz"], environment: ["HOME": "/nonexistent"],
                      stdlibPaths: [], errorOutput: discard)
let registry = FuzzBuiltins.registry(host: host)

/// One libFuzzer run: compiles and runs `size` bytes at `data` (nil when empty) in a fresh
/// interpreter. Every way a script can end is an accepted outcome (a value, a compile error, a
/// runtime error, `exit`, the budget running out); a crash, a Swift runtime trap, a sanitizer
/// report, a hang past libFuzzer's -timeout or runaway memory is a finding.
func fuzzCCSExec(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let data else { return 0 }
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let source = SourceFile(name: "fuzz.ccs", directory: importFolder, bytes: bytes)
    let interruption = Interruption()
    let interpreter = Interpreter(registry: registry, host: host, maxCallDepth: maxCallDepth)
    interpreter.interruption = interruption
    watchdog.arm(interruption, seconds: budgetSeconds)
    defer { watchdog.disarm() }
    do {
        let value = try interpreter.run(source)
        // Displaying the result walks whatever the program built (as `ccs -e` prints it).
        _ = try interpreter.displayString(value)
    } catch let errors as CompileErrors {
        _ = DiagnosticRenderer.render(errors)
    } catch let failure as ScriptError {
        // Rendering checks that the error's location and trace point into the source.
        _ = DiagnosticRenderer.render(failure)
    } catch {
        // ScriptExit, ScriptInterrupted: ordinary ends of a run.
    }
    discard.flush()
    return 0
}

/// Hands control to libFuzzer on a large-stack thread, as `ScriptRunner.run` runs scripts
/// (the tree-walker recurses once per script call, up to `maxCallDepth`).
@main
enum FuzzCCSExecMain {
    static func main() {
        let status = LargeStack.run { () -> CInt in
            var argc = CommandLine.argc
            var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
            return LLVMFuzzerRunDriver(&argc, &argv) { data, size in fuzzCCSExec(data, size) }
        }
        exit(status)
    }
}
