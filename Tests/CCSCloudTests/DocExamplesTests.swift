import Foundation
import Testing

/// The ```ccs-cloud examples of docs/LANGUAGE.md ("Cloud Control built-ins") and
/// docs/ARCHITECTURE.md (the end-to-end walk of one call), each run in a fresh in-process
/// emulator, with the ```output block that follows it.
struct CloudDocExample: CustomTestStringConvertible, Sendable {
    let document: String
    let line: Int
    let code: String
    let output: String?
    var testDescription: String { "\(document) line \(line)" }

    static let documents = ["LANGUAGE.md", "ARCHITECTURE.md"]

    static func all() -> [CloudDocExample] {
        documents.flatMap(examples(in:))
    }

    static func examples(in document: String) -> [CloudDocExample] {
        let url = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("docs/\(document)")
        guard let text = try? String(contentsOf: url, encoding: .utf8) else { return [] }
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
            examples.append(CloudDocExample(document: document, line: start, code: code, output: output))
        }
        return examples
    }
}

@Suite struct CloudDocExamplesTests {
    @Test func everyDocumentHasExamples() {
        for document in CloudDocExample.documents {
            #expect(!CloudDocExample.examples(in: document).isEmpty, "no ccs-cloud example in \(document)")
        }
    }

    @Test func everyBuiltinHasAnExample() throws {
        let examples = CloudDocExample.examples(in: "LANGUAGE.md")
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
        #expect(result.errors == "", "stderr of the example at \(example.testDescription)")
        #expect(result.status == 0)
        #expect(result.output == (example.output ?? ""), "output of the example at \(example.testDescription)")
    }
}
