import Foundation
import Testing

/// The ```ccs-cloud examples of docs/LANGUAGE.md ("Cloud Control built-ins"), each run in a
/// fresh in-process emulator, with the ```output block that follows it.
struct CloudDocExample: CustomTestStringConvertible, Sendable {
    let line: Int
    let code: String
    let output: String?
    var testDescription: String { "LANGUAGE.md line \(line)" }

    static let document = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("docs/LANGUAGE.md")

    static func all() -> [CloudDocExample] {
        guard let text = try? String(contentsOf: document, encoding: .utf8) else { return [] }
        let lines = text.components(separatedBy: "\n")
        var examples: [CloudDocExample] = []
        func block(from start: Int) -> (String, Int) {
            var j = start
            var body: [String] = []
            while j < lines.count && lines[j] != "```" {
                body.append(lines[j])
                j += 1
            }
            return (body.joined(separator: "\n") + "\n", j + 1)
        }
        var i = 0
        while i < lines.count {
            guard lines[i] == "```ccs-cloud" else {
                i += 1
                continue
            }
            let start = i + 1
            let (code, next) = block(from: i + 1)
            var output: String?
            i = next
            if i < lines.count && lines[i] == "```output" {
                let (text, end) = block(from: i + 1)
                output = text
                i = end
            }
            examples.append(CloudDocExample(line: start, code: code, output: output))
        }
        return examples
    }
}

@Suite struct CloudDocExamplesTests {
    @Test func everyBuiltinHasAnExample() throws {
        let examples = CloudDocExample.all()
        #expect(examples.count >= 14)
        let code = examples.map(\.code).joined()
        for name in [
            "create(", "get(", "list(", "patch(", "delete(", "wait(", "wait_all(", "cancel(", "status(",
            "requests(", "schema(", "types(", "diff(", "apply_patch(",
        ] {
            #expect(code.contains(name), "no example calls \(name)")
        }
    }

    @Test(arguments: CloudDocExample.all())
    func example(_ example: CloudDocExample) throws {
        let result = try CloudHarness().run(example.code, printResult: false)
        #expect(result.errors == "", "stderr of the example at line \(example.line)")
        #expect(result.status == 0)
        #expect(result.output == (example.output ?? ""), "output of the example at line \(example.line)")
    }
}
