import Foundation

/// The address a freshly started `ccs serve` prints once it accepts connections
/// (`listening on http://127.0.0.1:PORT`), read from its stdout one byte at a time so that
/// nothing after the line is consumed. Stops the process and throws when it prints anything
/// else (it failed to start).
func readServeURL(_ process: Process, stdout: Pipe) throws -> String {
    var line = Data()
    while let byte = try stdout.fileHandleForReading.read(upToCount: 1), !byte.isEmpty, byte != Data("\n".utf8) {
        line += byte
    }
    let text = String(decoding: line, as: UTF8.self)
    guard text.hasPrefix("listening on ") else {
        process.terminate()
        throw CocoaError(.fileReadUnknown, userInfo: [NSLocalizedDescriptionKey: "ccs serve printed '\(text)'"])
    }
    return String(text.dropFirst("listening on ".count))
}
