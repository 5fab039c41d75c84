import ArgumentParser
import CCSLanguage
import Foundation
import JSONCore

/// `ccs query PATH [FILE|-]`: applies an RFC 9535 JSONPath to JSON read from FILE or stdin and
/// prints the node list as one JSON array (with `--raw`, one node per line, strings bare). Exit codes (docs/CLI.md, "ccs query"): 0 success
/// (also when nothing matched), 1 input that cannot be read or is not JSON, 2 invalid path.
struct QueryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "query",
        abstract: "Apply an RFC 9535 JSONPath query to JSON from FILE or stdin.",
        discussion:
            "Prints the selected nodes as one JSON array, e.g. ccs query '$.Tags[?@.Key == \"team\"].Value' props.json"
    )

    @Argument(help: "The JSONPath query, e.g. '$.store.book[?@.price < 10].title'.")
    var path: String

    @Argument(help: "The JSON file to read; - or nothing for stdin.", completion: .file(extensions: ["json"]))
    var file: String?

    @Flag(name: .long, help: "Indent the output by two spaces.")
    var pretty = false

    @Flag(name: .long, help: "Print each node as {\"path\": NORMALIZED_PATH, \"value\": VALUE}.")
    var paths = false

    @Flag(name: .long, help: "Print one node per line, strings without quotes (for shell loops).")
    var raw = false

    @Flag(name: .long, help: "Read each Properties and ResourceModel string holding JSON as that JSON (ccs api output).")
    var properties = false

    static let invalidInputExitCode: Int32 = 1
    static let invalidPathExitCode: Int32 = 2

    func run() throws {
        let query: JSONPathQuery
        do {
            query = try JSONPathQuery(path)
        } catch let error as JSONPathSyntaxError {
            Self.printError(Self.render(error, in: path, prefix: "ccs query"))
            throw ExitCode(Self.invalidPathExitCode)
        }

        let file = self.file == "-" ? nil : self.file
        let source = file ?? "<stdin>"
        let data: Data
        if let file {
            guard let contents = FileManager.default.contents(atPath: file) else {
                Self.printError("ccs query: \(file): cannot read the file")
                throw ExitCode(Self.invalidInputExitCode)
            }
            data = contents
        } else {
            data = FileHandle.standardInput.readDataToEndOfFile()
        }

        var document: Value
        do {
            document = try data.withUnsafeBytes { try JSONCodec.decode($0) }
        } catch let error as JSONSyntaxError {
            Self.printError("ccs query: \(source):\(error.line):\(error.column): error: \(error.message)")
            throw ExitCode(Self.invalidInputExitCode)
        }
        if properties,
            let expanded = try? JSONCodec.decode(
                JSONWriter().string(ApiOutputFormat.expandingProperties(try JSONParser.parse(JSONCodec.encode(document)))))
        {
            // The same expansion as `ccs api --properties`, so a saved response reads alike.
            document = expanded
        }

        let nodes: [Value]
        if paths {
            nodes = query.evaluateWithPaths(document).map { node in
                .map(MapBox(["path": .string(node.path), "value": node.value]))
            }
        } else {
            nodes = query.evaluate(document)
        }
        if raw {
            for node in nodes {
                if case .string(let text) = node { print(text) } else { print(JSONCodec.encode(node, pretty: pretty)) }
            }
        } else {
            print(JSONCodec.encode(.list(ListBox(nodes)), pretty: pretty))
        }
    }

    /// The message, the query, and a caret under the offending character:
    ///
    ///     ccs query: invalid JSONPath: expected ',' or ']' after a selector, found 'b'
    ///       $['a' b]
    ///             ^
    static func render(_ error: JSONPathSyntaxError, in path: String, prefix: String) -> String {
        // Line breaks and tabs in the query would break the caret's alignment.
        let shown = String(
            String.UnicodeScalarView(
                path.unicodeScalars.map { scalar in
                    scalar == "\n" || scalar == "\r" || scalar == "\t" ? " " : scalar
                }))
        let caret = String(repeating: " ", count: error.offset) + "^"
        return "\(prefix): invalid JSONPath: \(error.message)\n  \(shown)\n  \(caret)"
    }

    static func printError(_ message: String) {
        FileHandle.standardError.write(Data((message + "\n").utf8))
    }
}
