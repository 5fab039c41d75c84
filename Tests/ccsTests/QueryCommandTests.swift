import Foundation
import Testing

/// End-to-end tests of `ccs query`: the built binary, run as a process.
@Suite struct QueryCommandTests {
    struct Outcome {
        let status: Int32
        let stdout: String
        let stderr: String
    }

    /// The ccs executable sits next to the test bundle in the build folder.
    static var binary: URL {
        URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent(
            "ccs")
    }

    func ccs(_ arguments: [String], stdin: String = "") throws -> Outcome {
        let process = Process()
        process.executableURL = Self.binary
        process.arguments = arguments
        let input = Pipe()
        let output = Pipe()
        let errors = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        input.fileHandleForWriting.write(Data(stdin.utf8))
        try input.fileHandleForWriting.close()
        let out = output.fileHandleForReading.readDataToEndOfFile()
        let err = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Outcome(
            status: process.terminationStatus, stdout: String(decoding: out, as: UTF8.self),
            stderr: String(decoding: err, as: UTF8.self))
    }

    @Test func printsTheNodeListFromStdin() throws {
        let outcome = try ccs(
            ["query", "$.Tags[?@.Key == 'team'].Value"],
            stdin:
                #"{"Tags":[{"Key":"team","Value":"web"},{"Key":"env","Value":"dev"}],"n":9007199254740993}"#)
        #expect(outcome.status == 0)
        #expect(outcome.stdout == "[\"web\"]\n")
        #expect(
            try ccs(["query", "$.n"], stdin: #"{"n":9007199254740993}"#).stdout == "[9007199254740993]\n")
    }

    @Test func readsAFileAndPrintsPaths() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent(
            "ccs-query-\(UUID().uuidString).json")
        try Data(#"{"a":[1,{"b":2}]}"#.utf8).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let outcome = try ccs(["query", "--paths", "$..b", file.path])
        #expect(outcome.status == 0)
        #expect(outcome.stdout == #"[{"path":"$['a'][1]['b']","value":2}]"# + "\n")
        #expect(
            try ccs(["query", "--pretty", "$.a", file.path]).stdout
                == "[\n  [\n    1,\n    {\n      \"b\": 2\n    }\n  ]\n]\n")
    }

    @Test func invalidPathExits2WithACaret() throws {
        let outcome = try ccs(["query", "$['a' 'b']"], stdin: "{}")
        #expect(outcome.status == 2)
        #expect(outcome.stdout == "")
        #expect(
            outcome.stderr == """
                ccs query: invalid JSONPath: expected ',' or ']' after a selector, found '''
                  $['a' 'b']
                        ^

                """)
    }

    @Test func invalidJSONExits1WithLineAndColumn() throws {
        let outcome = try ccs(["query", "$"], stdin: "{\"a\": [1,\n  }")
        #expect(outcome.status == 1)
        #expect(outcome.stderr == "ccs query: <stdin>:2:3: error: expected a JSON value, found '}'\n")
        let missing = try ccs(["query", "$", "/nonexistent/ccs-query.json"])
        #expect(missing.status == 1)
        #expect(missing.stderr == "ccs query: /nonexistent/ccs-query.json: cannot read the file\n")
    }
}
