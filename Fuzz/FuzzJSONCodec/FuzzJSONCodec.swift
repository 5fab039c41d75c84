// libFuzzer harness: arbitrary bytes through the language's JSON decoder (JSONCodec.decode),
// and for every accepted document the encode round trip:
// decode(encode(x)) must be equal to x and encode must be a fixed point.
import CCSLanguage
import CFuzzDriver
import Foundation

/// One libFuzzer run: `data` holds `size` input bytes (nil when empty).
func fuzzJSONCodec(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let data else { return 0 }
    let bytes = UnsafeBufferPointer(start: data, count: size)
    guard let value = try? JSONCodec.decode(bytes) else { return 0 }
    for pretty in [false, true] {
        let text = JSONCodec.encode(value, pretty: pretty)
        let again: Value
        do {
            again = try JSONCodec.decode(text)
        } catch {
            preconditionFailure("encode produced text decode rejects: \(error)\n\(text)")
        }
        precondition(Value.equal(value, again), "decode(encode(x)) != x for \(text)")
        let reencoded = JSONCodec.encode(again, pretty: pretty)
        precondition(reencoded == text, "encode is not stable: \(text) then \(reencoded)")
    }
    return 0
}

/// Hands control to libFuzzer, which parses its own flags from the command line.
@main
enum FuzzJSONCodecMain {
    static func main() {
        var argc = CommandLine.argc
        var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
        exit(LLVMFuzzerRunDriver(&argc, &argv) { data, size in fuzzJSONCodec(data, size) })
    }
}
