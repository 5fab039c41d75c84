/// The encoder behind `JSONCodec.encode`: appends UTF-8 to a byte buffer.
struct JSONWriter {
    let pretty: Bool
    var output: [UInt8] = []
    var depth = 0
    /// The containers being written, innermost last, to print a cycle as "<cycle>" instead of
    /// recursing forever (a list can contain itself through aliasing).
    var path: [ObjectIdentifier] = []

    /// Beyond this depth every container is checked against `path`. Shallower ones cannot
    /// start a cycle that is not caught deeper, so the common case skips the scan.
    static let cycleCheckDepth = 64
    /// Containers nested deeper than this print as "<too deep>": the writer recurses, and this
    /// depth is safe on a 512 KiB thread stack even in debug builds.
    static let maxDepth = JSONCodec.maxDepth

    init(pretty: Bool) {
        self.pretty = pretty
        output.reserveCapacity(256)
    }

    func finish() -> String { String(decoding: output, as: UTF8.self) }

    mutating func write(_ value: Value) {
        switch value {
        case .null: append("null")
        case .bool(let flag): append(flag ? "true" : "false")
        case .int(let number): append(String(number))
        case .double(let number): writeDouble(number)
        case .string(let text): writeString(text)
        case .list(let box):
            guard enter(ObjectIdentifier(box)) else { return }
            writeList(box.items)
            leave()
        case .map(let box):
            guard enter(ObjectIdentifier(box)) else { return }
            writeMap(box)
            leave()
        case .function(let function): writeString("<fn \(function.name)>")
        case .sequence(let sequence): writeString("<sequence \(sequence.name)>")
        case .object(let object): write((try? object.jsonValue()) ?? .null)
        }
    }

    private mutating func enter(_ id: ObjectIdentifier) -> Bool {
        if path.count >= Self.cycleCheckDepth && path.contains(id) {
            writeString("<cycle>")
            return false
        }
        if path.count >= Self.maxDepth {
            writeString("<too deep>")
            return false
        }
        path.append(id)
        return true
    }

    private mutating func leave() { path.removeLast() }

    private mutating func writeList(_ items: [Value]) {
        guard !items.isEmpty else { return append("[]") }
        output.append(UInt8(ascii: "["))
        var first = true
        for item in items {
            if !first { output.append(UInt8(ascii: ",")) }
            first = false
            newline(path.count)
            write(item)
        }
        newline(path.count - 1)
        output.append(UInt8(ascii: "]"))
    }

    private mutating func writeMap(_ box: MapBox) {
        guard !box.entries.isEmpty else { return append("{}") }
        output.append(UInt8(ascii: "{"))
        var first = true
        for (key, item) in box.entries {
            if !first { output.append(UInt8(ascii: ",")) }
            first = false
            newline(path.count)
            writeString(key)
            output.append(UInt8(ascii: ":"))
            if pretty { output.append(UInt8(ascii: " ")) }
            write(item)
        }
        newline(path.count - 1)
        output.append(UInt8(ascii: "}"))
    }

    private mutating func newline(_ level: Int) {
        guard pretty else { return }
        output.append(UInt8(ascii: "\n"))
        for _ in 0..<(level * 2) { output.append(UInt8(ascii: " ")) }
    }

    private mutating func append(_ text: String) {
        output.append(contentsOf: text.utf8)
    }

    /// Shortest round-trip form (Swift's `description`), which always has a '.' or an
    /// exponent for finite values, so `1.0` stays distinguishable from the int `1`.
    /// NaN and the infinities have no JSON form (RFC 8259 §6) and print as null.
    private mutating func writeDouble(_ number: Double) {
        guard number.isFinite else { return append("null") }
        append(number.description)
    }

    /// RFC 8259 §7: '"', '\' and U+0000...U+001F are escaped; everything else, non-ASCII
    /// included, is written as UTF-8.
    mutating func writeString(_ text: String) {
        output.append(UInt8(ascii: "\""))
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\""): output.append(UInt8(ascii: "\\")); output.append(byte)
            case UInt8(ascii: "\\"): output.append(UInt8(ascii: "\\")); output.append(byte)
            case 0x0A: append("\\n")
            case 0x0D: append("\\r")
            case 0x09: append("\\t")
            case 0x08: append("\\b")
            case 0x0C: append("\\f")
            case 0..<0x20:
                append("\\u00")
                output.append(Self.hexDigits[Int(byte >> 4)])
                output.append(Self.hexDigits[Int(byte & 0xF)])
            default: output.append(byte)
            }
        }
        output.append(UInt8(ascii: "\""))
    }

    private static let hexDigits: [UInt8] = Array("0123456789abcdef".utf8)
}
