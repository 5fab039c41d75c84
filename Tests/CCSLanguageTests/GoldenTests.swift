import Foundation
import Testing

@testable import CCSLanguage

/// One golden script: Fixtures/golden/NAME.ccs. Its comments say what must happen:
///
///     # expect: TEXT         the next line of stdout (stdout must be exactly these lines)
///     # error: L:C: MESSAGE  the next diagnostic header, "NAME.ccs:L:C: error: MESSAGE"
///     # exit: N              the exit status (default 0)
///     # args: A B            the script's arguments
///
/// When NAME.stderr exists, stderr must equal it (carets, stack traces); `CCS_RECORD=1`
/// rewrites those snapshots from the current output.
struct GoldenCase: CustomTestStringConvertible, Sendable {
    let name: String
    var testDescription: String { name }

    static var directory: URL { ScriptHarness.fixtures.appendingPathComponent("golden") }

    static func all() -> [GoldenCase] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        return names.filter { $0.hasSuffix(".ccs") }.sorted().map { GoldenCase(name: String($0.dropLast(4))) }
    }
}

@Suite struct GoldenTests {
    @Test func theSuiteIsThere() {
        #expect(GoldenCase.all().count >= 30)
    }

    @Test(arguments: GoldenCase.all())
    func golden(_ golden: GoldenCase) throws {
        let file = GoldenCase.directory.appendingPathComponent(golden.name + ".ccs")
        let bytes = [UInt8](try Data(contentsOf: file))
        let text = String(decoding: bytes, as: UTF8.self)
        var expected: [String] = []
        var errors: [String] = []
        var exit: Int32 = 0
        var arguments: [String] = []
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            guard let range = line.range(of: "# ") else { continue }
            let comment = line[range.upperBound...]
            if comment.hasPrefix("expect: ") {
                expected.append(String(comment.dropFirst("expect: ".count)))
            } else if comment == "expect:" {
                expected.append("")
            } else if comment.hasPrefix("error: ") {
                errors.append("\(golden.name).ccs:" + comment.dropFirst("error: ".count))
            } else if comment.hasPrefix("exit: ") {
                exit = Int32(comment.dropFirst("exit: ".count)) ?? -1
            } else if comment.hasPrefix("args: ") {
                arguments = comment.dropFirst("args: ".count).split(separator: " ").map(String.init)
            }
        }
        let result = ScriptHarness.run(bytes, name: golden.name + ".ccs", directory: GoldenCase.directory.path,
                                       arguments: arguments, environment: ["CCS_GOLDEN": "yes"],
                                       stdlib: [GoldenCase.directory.appendingPathComponent("modules").path])
        let stdout = result.stdout
            .replacingOccurrences(of: GoldenCase.directory.appendingPathComponent("modules").path, with: "MODULES")
            .split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(stdout == expected + [""], "stdout of \(golden.name)")
        // Absolute paths differ between clones: diagnostics name them GOLDEN and MODULES.
        let stderr = result.stderr
            .replacingOccurrences(of: GoldenCase.directory.appendingPathComponent("modules").path, with: "MODULES")
            .replacingOccurrences(of: GoldenCase.directory.path, with: "GOLDEN")
        let headers = stderr.split(separator: "\n").map(String.init).filter { $0.contains(": error: ") }
            .map { $0.replacingOccurrences(of: ": error: ", with: ": ") }
        #expect(headers == errors, "diagnostics of \(golden.name)")
        #expect(result.status == exit, "exit status of \(golden.name)")

        let snapshot = GoldenCase.directory.appendingPathComponent(golden.name + ".stderr")
        if ProcessInfo.processInfo.environment["CCS_RECORD"] == "1" {
            if !stderr.isEmpty { try stderr.write(to: snapshot, atomically: true, encoding: .utf8) }
        } else if let recorded = try? String(contentsOf: snapshot, encoding: .utf8) {
            #expect(stderr == recorded, "stderr snapshot of \(golden.name)")
        }
    }
}
