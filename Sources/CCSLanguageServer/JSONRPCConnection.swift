import Foundation
import JSONCore

/// JSON-RPC 2.0 messages framed as the Language Server Protocol frames them on stdio: a
/// header block (`Content-Length: N`, optionally `Content-Type`) ended by an empty line, then
/// N bytes of UTF-8 JSON (LSP specification, "Base Protocol").
public final class JSONRPCConnection {
    private let input: Int32
    private let output: Int32
    private var buffer: [UInt8] = []
    private var start = 0

    /// The largest message accepted; a client sending more is broken or hostile.
    static let maxMessageBytes = 64 << 20

    public init(input: Int32, output: Int32) {
        self.input = input
        self.output = output
    }

    /// The next message, nil at end of input. Throws `JSONRPCFramingError` for a header
    /// block without a usable Content-Length and for a body that is not JSON.
    public func read() throws -> JSONValue? {
        guard let headerEnd = try fill(until: { self.find([13, 10, 13, 10]) }) else { return nil }
        let header = String(decoding: buffer[start..<headerEnd], as: UTF8.self)
        start = headerEnd + 4
        var length: Int?
        for line in header.split(separator: "\r\n") {
            let parts = line.split(separator: ":", maxSplits: 1)
            if parts.count == 2, parts[0].lowercased() == "content-length" {
                length = Int(parts[1].trimmingCharacters(in: .whitespaces))
            }
        }
        guard let length, length >= 0, length <= Self.maxMessageBytes else {
            throw JSONRPCFramingError(message: "a message header without a valid Content-Length: \(header)")
        }
        guard try fill(until: { self.buffer.count - self.start >= length ? self.start + length : nil }) != nil else {
            return nil
        }
        let body = buffer[start..<(start + length)]
        start += length
        compact()
        do {
            return try JSONParser.parse(Array(body))
        } catch {
            throw JSONRPCFramingError(message: "a message body that is not JSON: \(error)")
        }
    }

    /// Writes one message with its header.
    public func write(_ message: JSONValue) {
        let body = Array(JSONWriter().string(message).utf8)
        var bytes = Array("Content-Length: \(body.count)\r\n\r\n".utf8)
        bytes += body
        var offset = 0
        while offset < bytes.count {
            let written = bytes[offset...].withUnsafeBytes { Foundation.write(output, $0.baseAddress, $0.count) }
            if written <= 0 {
                if written < 0 && errno == EINTR { continue }
                return
            }
            offset += written
        }
    }

    /// Reads until `done` finds what it looks for in the buffer; nil at end of input.
    private func fill(until done: () -> Int?) throws -> Int? {
        while true {
            if let found = done() { return found }
            var chunk = [UInt8](repeating: 0, count: 65536)
            let count = chunk.withUnsafeMutableBytes { Foundation.read(input, $0.baseAddress, $0.count) }
            if count < 0 && errno == EINTR { continue }
            if count <= 0 { return nil }
            buffer += chunk[0..<count]
            if buffer.count - start > Self.maxMessageBytes + 4096 {
                throw JSONRPCFramingError(message: "a message larger than \(Self.maxMessageBytes) bytes")
            }
        }
    }

    private func find(_ pattern: [UInt8]) -> Int? {
        guard buffer.count - start >= pattern.count else { return nil }
        var index = start
        while index + pattern.count <= buffer.count {
            if buffer[index] == pattern[0] && buffer[index..<(index + pattern.count)].elementsEqual(pattern) {
                return index
            }
            index += 1
        }
        return nil
    }

    /// Drops what was consumed once it is most of the buffer, so reading stays linear.
    private func compact() {
        if start > 65536 && start * 2 > buffer.count {
            buffer.removeFirst(start)
            start = 0
        }
    }
}

/// The input is not LSP-framed JSON-RPC; the server stops, as no later frame can be found.
public struct JSONRPCFramingError: Error, CustomStringConvertible {
    public let message: String
    public var description: String { message }
}
