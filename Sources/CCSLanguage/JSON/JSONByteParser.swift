import OrderedCollections

/// The RFC 8259 parser behind `JSONCodec.decode`: works on UTF-8 bytes and builds `Value`s
/// directly. Iterative, with explicit stacks, so nesting depth is limited by `maxDepth`, not
/// by the thread's stack.
struct JSONByteParser {
    let bytes: UnsafeBufferPointer<UInt8>
    let maxDepth: Int
    var index = 0
    /// Reused for strings that contain escapes or non-ASCII bytes.
    var scratch: [UInt8] = []

    /// An open array or object: where its elements start on the value stack (and, for
    /// objects, its keys on the key stack), and where it opened, for error messages.
    struct Frame {
        let isObject: Bool
        let valueStart: Int
        let keyStart: Int
        let openedAt: Int
    }

    init(_ bytes: UnsafeBufferPointer<UInt8>, maxDepth: Int) {
        self.bytes = bytes
        self.maxDepth = maxDepth
    }

    func error(_ message: String, at offset: Int? = nil) -> JSONSyntaxError {
        JSONSyntaxError.at(offset ?? index, in: bytes, message)
    }

    /// A short description of the byte at `index` for messages: "'x'" or "end of input".
    func found() -> String {
        guard index < bytes.count else { return "end of input" }
        let byte = bytes[index]
        if byte >= 0x20 && byte < 0x7F { return "'\(Character(Unicode.Scalar(byte)))'" }
        return "byte 0x" + String(byte, radix: 16, uppercase: true)
    }

    /// RFC 8259 §2: ws = *( %x20 / %x09 / %x0A / %x0D )
    @inline(__always)
    mutating func skipWhitespace() {
        while index < bytes.count {
            let byte = bytes[index]
            guard byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 else { return }
            index += 1
        }
    }

    /// JSON-text = ws value ws (RFC 8259 §2)
    mutating func parseDocument() throws -> Value {
        var values: [Value] = []
        var keys: [String] = []
        var frames: [Frame] = []
        values.reserveCapacity(16)

        parseValue: while true {
            skipWhitespace()
            guard index < bytes.count else {
                throw error(
                    frames.isEmpty ? "expected a JSON value, found end of input" : "unexpected end of input")
            }
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: "{"):
                let openedAt = index
                guard frames.count < maxDepth else {
                    throw error("nesting deeper than \(maxDepth) levels", at: openedAt)
                }
                index += 1
                skipWhitespace()
                if index < bytes.count && bytes[index] == UInt8(ascii: "}") {
                    index += 1
                    values.append(.map(MapBox()))
                } else {
                    frames.append(
                        Frame(
                            isObject: true, valueStart: values.count, keyStart: keys.count, openedAt: openedAt
                        ))
                    keys.append(try parseKey())
                    continue parseValue
                }
            case UInt8(ascii: "["):
                let openedAt = index
                guard frames.count < maxDepth else {
                    throw error("nesting deeper than \(maxDepth) levels", at: openedAt)
                }
                index += 1
                skipWhitespace()
                if index < bytes.count && bytes[index] == UInt8(ascii: "]") {
                    index += 1
                    values.append(.list(ListBox()))
                } else {
                    frames.append(
                        Frame(
                            isObject: false, valueStart: values.count, keyStart: keys.count,
                            openedAt: openedAt))
                    continue parseValue
                }
            case UInt8(ascii: "\""):
                values.append(.string(try parseString()))
            case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                values.append(try parseNumber())
            case UInt8(ascii: "t"):
                try expectLiteral("true")
                values.append(.bool(true))
            case UInt8(ascii: "f"):
                try expectLiteral("false")
                values.append(.bool(false))
            case UInt8(ascii: "n"):
                try expectLiteral("null")
                values.append(.null)
            default:
                throw error("expected a JSON value, found \(found())")
            }

            // A value is complete: close every container it completes, then either start the
            // next element or finish the document.
            while let frame = frames.last {
                skipWhitespace()
                guard index < bytes.count else {
                    let what = frame.isObject ? "'}'" : "']'"
                    let (line, column) = lineColumn(frame.openedAt)
                    throw error(
                        "\(what) expected (to close '\(frame.isObject ? "{" : "[")' at \(line):\(column)), found end of input"
                    )
                }
                let next = bytes[index]
                if next == UInt8(ascii: ",") {
                    index += 1
                    if frame.isObject {
                        skipWhitespace()
                        keys.append(try parseKey())
                    }
                    continue parseValue
                }
                if frame.isObject && next == UInt8(ascii: "}") {
                    index += 1
                    frames.removeLast()
                    let count = values.count - frame.valueStart
                    var entries = OrderedDictionary<String, Value>(minimumCapacity: count)
                    var position = frame.valueStart
                    for key in keys[frame.keyStart...] {
                        entries[key] = values[position]
                        position += 1
                    }
                    keys.removeSubrange(frame.keyStart...)
                    values.removeSubrange(frame.valueStart...)
                    values.append(.map(MapBox(entries)))
                } else if !frame.isObject && next == UInt8(ascii: "]") {
                    index += 1
                    frames.removeLast()
                    let items = Array(values[frame.valueStart...])
                    values.removeSubrange(frame.valueStart...)
                    values.append(.list(ListBox(items)))
                } else {
                    let close = frame.isObject ? "'}'" : "']'"
                    let what = frame.isObject ? "a member" : "an element"
                    throw error("expected ',' or \(close) after \(what), found \(found())")
                }
            }
            skipWhitespace()
            guard index == bytes.count else {
                throw error("unexpected \(found()) after the JSON value")
            }
            return values[0]
        }
    }

    func lineColumn(_ offset: Int) -> (Int, Int) {
        let located = JSONSyntaxError.at(offset, in: bytes, "")
        return (located.line, located.column)
    }

    /// member = string name-separator value; parses the key and the ':' (RFC 8259 §4).
    mutating func parseKey() throws -> String {
        guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else {
            throw error("expected a string key, found \(found())")
        }
        let key = try parseString()
        skipWhitespace()
        guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else {
            throw error("expected ':' after an object key, found \(found())")
        }
        index += 1
        return key
    }

    mutating func expectLiteral(_ literal: StaticString) throws {
        let start = index
        let count = literal.utf8CodeUnitCount
        let matches = literal.withUTF8Buffer { expected -> Bool in
            guard bytes.count - index >= count else { return false }
            for offset in 0..<count where bytes[index + offset] != expected[offset] { return false }
            return true
        }
        guard matches else { throw error("invalid literal, expected '\(literal)'", at: start) }
        index += count
    }
}
