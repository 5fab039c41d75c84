import ArgumentParser
import CCSLanguage
import Foundation

/// `ccs query PATH [FILE]`: applies an RFC 9535 JSONPath to JSON read from FILE or stdin and
/// prints the node list as one JSON array. Exit codes (docs/CLI.md, "ccs query"): 0 success
/// (also when nothing matched), 1 input that cannot be read or is not JSON, 2 invalid path.
struct QueryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "query",
        abstract: "Apply an RFC 9535 JSONPath query to JSON from FILE or stdin.",
        discussion:
            "Prints the selected nodes as one JSON array, e.g. ccs query '$.Tags[?@.Key == \"team\"].Value' props.json"
    )

    @OptionGroup var global: GlobalOptions

    @Argument(help: "The JSONPath query, e.g. '$.store.book[?@.price < 10].title'.")
    var path: String

    @Argument(help: "The JSON file to read (default: stdin).")
    var file: String?

    @Flag(name: .long, help: "Indent the output by two spaces.")
    var pretty = false

    @Flag(name: .long, help: "Print each node as {\"path\": NORMALIZED_PATH, \"value\": VALUE}.")
    var paths = false

    static let invalidInputExitCode: Int32 = 1
    static let invalidPathExitCode: Int32 = 2

    func run() throws {
        let query: JSONPathQuery
        do {
            query = try JSONPathQuery(path)
        } catch let error as JSONPathSyntaxError {
            Self.printError(Self.render(error, in: path))
            throw ExitCode(Self.invalidPathExitCode)
        }

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

        let document: Value
        do {
            document = try data.withUnsafeBytes { try JSONCodec.decode($0) }
        } catch let error as JSONSyntaxError {
            Self.printError("ccs query: \(source):\(error.line):\(error.column): error: \(error.message)")
            throw ExitCode(Self.invalidInputExitCode)
        }

        let output: Value
        if paths {
            output = .list(
                ListBox(
                    query.evaluateWithPaths(document).map { node in
                        .map(MapBox(["path": .string(node.path), "value": node.value]))
                    }))
        } else {
            output = .list(ListBox(query.evaluate(document)))
        }
        print(JSONCodec.encode(output, pretty: pretty))
    }

    /// The message, the query, and a caret under the offending character:
    ///
    ///     ccs query: invalid JSONPath: expected ',' or ']' after a selector, found 'b'
    ///       $['a' b]
    ///             ^
    static func render(_ error: JSONPathSyntaxError, in path: String) -> String {
        // Line breaks and tabs in the query would break the caret's alignment.
        let shown = String(
            String.UnicodeScalarView(
                path.unicodeScalars.map { scalar in
                    scalar == "\n" || scalar == "\r" || scalar == "\t" ? " " : scalar
                }))
        let caret = String(repeating: " ", count: error.offset) + "^"
        return "ccs query: invalid JSONPath: \(error.message)\n  \(shown)\n  \(caret)"
    }

    static func printError(_ message: String) {
        FileHandle.standardError.write(Data((message + "\n").utf8))
    }
}
