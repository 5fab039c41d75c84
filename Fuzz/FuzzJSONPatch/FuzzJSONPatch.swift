// libFuzzer harness: arbitrary bytes as an RFC 6902 JSON Patch document (JSONPatch(text:))
// applied by JSONCore to a small fixed document, as the emulator applies UpdateResource's
// PatchDocument to a resource's properties. An accepted patch must survive its own JSON round
// trip, and a patched document must survive the writer round trip.
import CFuzzDriver
import Foundation
import JSONCore

/// The document every patch is applied to: objects, arrays, escapes (`~`, `/`) in member names.
private let documentText = """
    {"LogGroupName": "g", "RetentionInDays": 7, "Tags": [{"Key": "team", "Value": "x"}, {"Key": "env", "Value": "dev"}],
     "a/b": {"m~n": [1, 2.5, null, true, "s"]}, "": {"": []}, "Nested": {"L": [[0], [1, [2, [3]]]]}}
    """

/// One libFuzzer run: `data` holds `size` input bytes (nil when empty).
func fuzzJSONPatch(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let data else { return 0 }
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    guard let patch = try? JSONPatch(text: text) else { return 0 }
    guard let reread = try? JSONPatch(json: patch.json), reread == patch else {
        preconditionFailure("a patch does not survive its JSON round trip: \(text)")
    }
    guard let document = try? JSONParser.parse(documentText) else {
        preconditionFailure("the fixed document does not parse")
    }
    guard let patched = try? patch.apply(to: document) else { return 0 }
    let written = JSONWriter().bytes(patched)
    guard let again = try? JSONParser.parse(written), again == patched else {
        preconditionFailure("a patched document does not survive the writer: \(String(decoding: written, as: UTF8.self))")
    }
    return 0
}

/// Hands control to libFuzzer, which parses its own flags from the command line.
@main
enum FuzzJSONPatchMain {
    static func main() {
        var argc = CommandLine.argc
        var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
        exit(LLVMFuzzerRunDriver(&argc, &argv) { data, size in fuzzJSONPatch(data, size) })
    }
}
