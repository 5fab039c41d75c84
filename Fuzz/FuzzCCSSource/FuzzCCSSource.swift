// libFuzzer harness: arbitrary bytes as a .ccs source file through the front end
// (lexer → parser → resolver), exactly as `ccs FILE` compiles a script before running it.
// The interpreter is not run: a fuzzed program may loop forever by design.
@testable import CCSLanguage
import CFuzzDriver
import Foundation

/// One libFuzzer run: compiles `size` bytes at `data` (nil when empty). Any thrown error is an
/// accepted outcome (a diagnostic); a crash, hang or sanitizer report is a finding.
func fuzzCCSSource(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let data else { return 0 }
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let host = ScriptHost(output: OutputSink { _ in })
    let registry = BuiltinRegistry()
    StandardLibrary.register(into: registry, host: host)
    let source = SourceFile(name: "fuzz.ccs", directory: nil, bytes: bytes)
    do {
        _ = try Compiler.compile(source, registry: registry)
    } catch let errors as CompileErrors {
        // Rendering is part of the front end's contract: every error must point at a valid
        // place in the source.
        _ = DiagnosticRenderer.render(errors)
    } catch {
        // Any other error is also a diagnostic, not a finding.
    }
    return 0
}

/// Hands control to libFuzzer, which parses its own flags from the command line. The whole
/// run happens on a large-stack thread, as `ScriptRunner.run` compiles scripts (one thread per
/// input would dominate the cost of each run).
@main
enum FuzzCCSSourceMain {
    static func main() {
        let status = LargeStack.run { () -> CInt in
            var argc = CommandLine.argc
            var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
            return LLVMFuzzerRunDriver(&argc, &argv) { data, size in fuzzCCSSource(data, size) }
        }
        exit(status)
    }
}
