// libFuzzer harness: arbitrary bytes through JSONCore's strict parser, and for every accepted
// document the writer round trip: parse(write(x)) == x in both styles.
import CFuzzDriver
import Foundation
import JSONCore

/// One libFuzzer run: `data` holds `size` input bytes (nil when empty).
func fuzzJSONCore(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let data else { return 0 }
    let bytes = UnsafeBufferPointer(start: data, count: size)
    guard let value = try? JSONParser.parse(bytes) else { return 0 }
    for writer in [JSONWriter(), JSONWriter(style: .pretty, sortKeys: true)] {
        let written = writer.bytes(value)
        let again: JSONValue
        do {
            again = try JSONParser.parse(written)
        } catch {
            preconditionFailure("write produced text parse rejects: \(error)\n\(String(decoding: written, as: UTF8.self))")
        }
        precondition(again == value, "parse(write(x)) != x for \(String(decoding: written, as: UTF8.self))")
    }
    return 0
}

/// Hands control to libFuzzer, which parses its own flags from the command line.
@main
enum FuzzJSONCoreMain {
    static func main() {
        var argc = CommandLine.argc
        var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
        exit(LLVMFuzzerRunDriver(&argc, &argv) { data, size in fuzzJSONCore(data, size) })
    }
}
