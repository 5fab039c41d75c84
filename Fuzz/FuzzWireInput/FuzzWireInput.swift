// libFuzzer harness: the emulator's decoding of awsJson1_0 request bodies. The first input
// byte picks one of the eight operations, the rest is the body handed to
// CloudControlWire.decodeInput; an accepted input is validated against the service model and
// must survive the client's encoding: decodeInput(encodeInput(x)) == x.
import CFuzzDriver
import CloudControl
import Foundation

/// Decodes, validates and round-trips one body as `Input`.
func exercise<Input: CloudControlInput>(_ type: Input.Type, body: [UInt8]) {
    guard let input = try? CloudControlWire.decodeInput(type, body: body) else { return }
    _ = try? input.validate()
    guard let encoded = try? CloudControlWire.encodeInput(input) else {
        preconditionFailure("a decoded \(Input.operation) input does not encode")
    }
    guard let again = try? CloudControlWire.decodeInput(type, body: encoded), again == input else {
        preconditionFailure("decodeInput(encodeInput(x)) != x for \(String(decoding: encoded, as: UTF8.self))")
    }
}

/// One libFuzzer run: `data` holds `size` input bytes (nil when empty).
func fuzzWireInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let data else { return 0 }
    guard size > 0 else { return 0 }
    let body = Array(UnsafeBufferPointer(start: data + 1, count: size - 1))
    switch data[0] % 8 {
    case 0: exercise(CreateResourceInput.self, body: body)
    case 1: exercise(GetResourceInput.self, body: body)
    case 2: exercise(UpdateResourceInput.self, body: body)
    case 3: exercise(DeleteResourceInput.self, body: body)
    case 4: exercise(ListResourcesInput.self, body: body)
    case 5: exercise(GetResourceRequestStatusInput.self, body: body)
    case 6: exercise(CancelResourceRequestInput.self, body: body)
    default: exercise(ListResourceRequestsInput.self, body: body)
    }
    return 0
}

/// Hands control to libFuzzer, which parses its own flags from the command line.
@main
enum FuzzWireInputMain {
    static func main() {
        var argc = CommandLine.argc
        var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
        exit(LLVMFuzzerRunDriver(&argc, &argv) { data, size in fuzzWireInput(data, size) })
    }
}
