// libFuzzer harness: arbitrary bytes as an RFC 9535 JSONPath query (JSONPathQuery.init), and
// every accepted query evaluated, with and without normalized paths, on a small fixed document
// (RFC 9535 §1.5's bookstore plus values of every JSON type).
import CCSLanguage
import CFuzzDriver
import Foundation

/// The document queries run against, as text: decoded afresh for each input so that no
/// container storage is shared between runs.
private let documentText = """
    {"store": {"book": [
      {"category": "reference", "author": "Nigel Rees", "title": "Sayings of the Century", "price": 8.95},
      {"category": "fiction", "author": "Evelyn Waugh", "title": "Sword of Honour", "price": 12.99},
      {"category": "fiction", "author": "Herman Melville", "title": "Moby Dick", "isbn": "0-553-21311-3", "price": 8.99},
      {"category": "fiction", "author": "J. R. R. Tolkien", "title": "The Lord of the Rings", "isbn": "0-395-19395-8", "price": 22.99}
    ], "bicycle": {"color": "red", "price": 399}},
    "a": [3, 5, 1, 2, 4, 6, {"b": "j"}, {"b": "k"}, {"b": {}}, {"b": "kilo"}, null, true, false, -0.5, 1e300, "ü☃𝄞"],
    "o": {"p": 1, "q": 2, "r": 3, "r\\u0000": [[], {}], "": "empty"},
    "Tags": [{"Key": "team", "Value": "x"}, {"Key": "env", "Value": "dev"}]}
    """

/// One libFuzzer run: `data` holds `size` input bytes (nil when empty).
func fuzzJSONPath(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let data else { return 0 }
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    guard let query = try? JSONPathQuery(text) else { return 0 }
    guard let document = try? JSONCodec.decode(documentText) else {
        preconditionFailure("the fixed document does not decode")
    }
    let values = query.evaluate(document)
    let nodes = query.evaluateWithPaths(document)
    precondition(values.count == nodes.count, "evaluate and evaluateWithPaths disagree on \(text)")
    return 0
}

/// Hands control to libFuzzer, which parses its own flags from the command line.
@main
enum FuzzJSONPathMain {
    static func main() {
        var argc = CommandLine.argc
        var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
        exit(LLVMFuzzerRunDriver(&argc, &argv) { data, size in fuzzJSONPath(data, size) })
    }
}
