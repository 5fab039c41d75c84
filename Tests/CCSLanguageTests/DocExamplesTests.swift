import Foundation
import Testing

@testable import CCSLanguage

/// The ```ccs examples of docs/LANGUAGE.md, each with the ```output block that follows it.
struct DocExample: CustomTestStringConvertible, Sendable {
    let line: Int
    let code: String
    let output: String?
    var testDescription: String { "LANGUAGE.md line \(line)" }

    static let document = ScriptHarness.testsDirectory
        .deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("docs/LANGUAGE.md")

    static func all() -> [DocExample] {
        guard let text = try? String(contentsOf: document, encoding: .utf8) else { return [] }
        let lines = text.components(separatedBy: "\n")
        var examples: [DocExample] = []
        var i = 0
        func block(from start: Int) -> (String, Int) {
            var j = start
            var body: [String] = []
            while j < lines.count && lines[j] != "```" {
                body.append(lines[j])
                j += 1
            }
            return (body.joined(separator: "\n") + "\n", j + 1)
        }
        while i < lines.count {
            if lines[i] == "```ccs" {
                let (code, next) = block(from: i + 1)
                var output: String?
                var after = next
                if after < lines.count && lines[after] == "```output" {
                    let (text, end) = block(from: after + 1)
                    output = text
                    after = end
                }
                examples.append(DocExample(line: i + 1, code: code, output: output))
                i = after
            } else {
                i += 1
            }
        }
        return examples
    }
}

@Suite struct DocExamplesTests {
    @Test func theDocumentHasExamples() {
        #expect(DocExample.all().count >= 15)
    }

    @Test(arguments: DocExample.all())
    func example(_ example: DocExample) {
        let result = ScriptHarness.run(Array(example.code.utf8), name: "example.ccs")
        #expect(result.stderr == "", "stderr of the example at line \(example.line)")
        #expect(result.status == 0)
        if let output = example.output {
            #expect(result.stdout == output, "output of the example at line \(example.line)")
        } else {
            #expect(result.stdout == "")
        }
    }
}
