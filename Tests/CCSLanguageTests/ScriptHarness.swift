import Foundation

@testable import CCSLanguage

/// Runs ccs source the way the command line does, capturing stdout, stderr and the status.
struct ScriptHarness {
    struct Result {
        var stdout: String
        var stderr: String
        var status: Int32
    }

    /// The source folder of this test target (for fixtures and for re-recording snapshots).
    static let testsDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    static let fixtures = testsDirectory.appendingPathComponent("Fixtures")

    final class Capture {
        var bytes: [UInt8] = []
        var text = ""
    }

    static func run(_ bytes: [UInt8], name: String = "test.ccs", directory: String? = nil,
                    arguments: [String] = [], environment: [String: String] = [:],
                    stdlib: [String] = [], printResult: Bool = false, maxCallDepth: Int? = nil) -> Result {
        let out = Capture()
        let err = Capture()
        let host = ScriptHost(output: OutputSink { out.bytes += $0 }, arguments: arguments,
                              environment: environment, stdlibPaths: stdlib,
                              errorOutput: OutputSink { err.text += String(decoding: $0, as: UTF8.self) })
        let runner = ScriptRunner(host: host) { err.text += $0 }
        if let maxCallDepth { runner.maxCallDepth = maxCallDepth }
        let status = runner.run(SourceFile(name: name, directory: directory, bytes: bytes), printResult: printResult)
        return Result(stdout: String(decoding: out.bytes, as: UTF8.self), stderr: err.text, status: status)
    }

    static func run(_ code: String, printResult: Bool = false) -> Result {
        run(Array(code.utf8), printResult: printResult)
    }
}
