import Foundation
import Testing

/// End-to-end: the `ccs` executable running scripts (`ccs FILE`, `-e`, `-`), passing flags
/// through to the script, and its exit statuses (docs/CLI.md, Exit codes).
@Suite struct RunCommandTests {
    /// `$CCS_BIN`, or the debug build next to this package.
    static var binary: String {
        if let path = ProcessInfo.processInfo.environment["CCS_BIN"] { return path }
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        return root.appendingPathComponent(".build/debug/ccs").path
    }

    struct Outcome {
        var stdout: String
        var stderr: String
        var status: Int32
    }

    /// Runs ccs; `environment` replaces the inherited one when given.
    func ccs(_ arguments: [String], stdin: String? = nil, environment: [String: String]? = nil) throws -> Outcome {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Self.binary)
        process.arguments = arguments
        var inherited = ProcessInfo.processInfo.environment
        inherited["AWS_EC2_METADATA_DISABLED"] = "true"
        process.environment = environment ?? inherited
        let out = Pipe()
        let err = Pipe()
        let input = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = input
        try process.run()
        if let stdin { input.fileHandleForWriting.write(Data(stdin.utf8)) }
        try input.fileHandleForWriting.close()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Outcome(stdout: String(decoding: stdout, as: UTF8.self), stderr: String(decoding: stderr, as: UTF8.self),
                       status: process.terminationStatus)
    }

    func script(_ text: String) throws -> String {
        let path = NSTemporaryDirectory() + "ccs-run-\(UUID().uuidString).ccs"
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test func runsAFileAndPassesFlagsThroughToTheScript() throws {
        let path = try script("print(args)\n")
        let result = try ccs([path, "--dry-run", "-x", "--local", "two"])
        #expect(result.stdout == "[\"--dry-run\",\"-x\",\"--local\",\"two\"]\n")
        #expect(result.status == 0)
    }

    @Test func evalPrintsTheLastValue() throws {
        #expect(try ccs(["-e", "1 + 1"]).stdout == "2\n")
        #expect(try ccs(["-e", "upper(\"x\")"]).stdout == "X\n")
        #expect(try ccs(["-e", "let x = null"]).stdout == "")
        #expect(try ccs(["-e", "print(args)", "a", "b"]).stdout == "[\"a\",\"b\"]\n")
    }

    @Test func readsTheScriptFromStdin() throws {
        #expect(try ccs(["-", "q"], stdin: "print(\"stdin\", args)\n").stdout == "stdin [\"q\"]\n")
        #expect(try ccs([], stdin: "print(2 * 21)\n").stdout == "42\n")
    }

    @Test func exitStatuses() throws {
        let runtime = try ccs(["-e", "fn f() { return 1 / 0 }\nf()"])
        #expect(runtime.status == 1)
        #expect(runtime.stderr.hasPrefix("<eval>:1:19: error: division by zero\nfn f() { return 1 / 0 }\n                  ^\nstack traceback:\n"))
        #expect(try ccs(["/nonexistent/script.ccs"]).status == 2)
        #expect(try ccs(["-e", "let"]).status == 3)
        #expect(try ccs(["-e", "exit(7)"]).status == 7)
    }
}
