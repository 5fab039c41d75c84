/// The one JSON writer's byte level: punctuation, layout, numbers and string escaping, which
/// `JSONWriter` (for `JSONValue`) and the language's `JSONCodec.encode` (for its `Value`) both
/// drive, so the escaping rules and number forms live in one place.
///
/// Output rules: integers exactly; doubles in Swift's shortest round-trip form, which for
/// finite values always has a '.' or an exponent (`1.0`, `1e-05`, `1e+20`), so a
/// decode–encode round trip keeps the int/double distinction; NaN and the infinities, which
/// JSON lacks (RFC 8259 §6), as `null`; strings with only the escapes RFC 8259 §7 requires.
public struct JSONTextOutput {
    /// The UTF-8 written so far.
    public private(set) var bytes: [UInt8] = []
    /// Spaces per nesting level, or nil for compact output.
    let indentWidth: Int?
    /// How many containers are open.
    var depth = 0

    /// `indentWidth` nil writes no whitespace at all; otherwise one member or element per line,
    /// indented by that many spaces per level, and `"key": value`.
    public init(indentWidth: Int?) {
        self.indentWidth = indentWidth
        bytes.reserveCapacity(256)
    }

    /// The text written so far.
    public var text: String { String(decoding: bytes, as: UTF8.self) }

    public mutating func writeNull() { bytes.append(contentsOf: "null".utf8) }
    public mutating func writeBool(_ value: Bool) { bytes.append(contentsOf: (value ? "true" : "false").utf8) }
    public mutating func writeInt(_ value: Int) { bytes.append(contentsOf: String(value).utf8) }

    public mutating func writeDouble(_ value: Double) {
        guard value.isFinite else { return writeNull() }
        bytes.append(contentsOf: value.description.utf8)
    }

    /// '"', '\' and U+0000...U+001F are escaped (the short forms where §7 has one); everything
    /// else, non-ASCII included, is written as UTF-8.
    public mutating func writeString(_ text: String) {
        bytes.append(UInt8(ascii: "\""))
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"): bytes.append(UInt8(ascii: "\\")); bytes.append(byte)
            case 0x0A: bytes.append(contentsOf: "\\n".utf8)
            case 0x0D: bytes.append(contentsOf: "\\r".utf8)
            case 0x09: bytes.append(contentsOf: "\\t".utf8)
            case 0x08: bytes.append(contentsOf: "\\b".utf8)
            case 0x0C: bytes.append(contentsOf: "\\f".utf8)
            case 0..<0x20:
                bytes.append(contentsOf: "\\u00".utf8)
                bytes.append(Self.hexDigits[Int(byte >> 4)])
                bytes.append(Self.hexDigits[Int(byte & 0xF)])
            default: bytes.append(byte)
            }
        }
        bytes.append(UInt8(ascii: "\""))
    }

    private static let hexDigits: [UInt8] = Array("0123456789abcdef".utf8)

    /// `[`; follow with `beginElement` before each element and `endArray`.
    public mutating func beginArray() { open(UInt8(ascii: "[")) }
    /// `{`; follow with `writeKey` before each member's value and `endObject`.
    public mutating func beginObject() { open(UInt8(ascii: "{")) }

    /// The separator (and line break) before an array element.
    public mutating func beginElement(isFirst: Bool) {
        if !isFirst { bytes.append(UInt8(ascii: ",")) }
        newline()
    }

    /// The separator, the member name and the ':' before an object member's value.
    public mutating func writeKey(_ key: String, isFirst: Bool) {
        beginElement(isFirst: isFirst)
        writeString(key)
        bytes.append(UInt8(ascii: ":"))
        if indentWidth != nil { bytes.append(UInt8(ascii: " ")) }
    }

    /// `]`; an empty array stays `[]` on one line.
    public mutating func endArray(isEmpty: Bool) { close(UInt8(ascii: "]"), isEmpty: isEmpty) }
    /// `}`; an empty object stays `{}` on one line.
    public mutating func endObject(isEmpty: Bool) { close(UInt8(ascii: "}"), isEmpty: isEmpty) }

    private mutating func open(_ bracket: UInt8) {
        bytes.append(bracket)
        depth += 1
    }

    private mutating func close(_ bracket: UInt8, isEmpty: Bool) {
        depth -= 1
        if !isEmpty { newline() }
        bytes.append(bracket)
    }

    private mutating func newline() {
        guard let width = indentWidth else { return }
        bytes.append(0x0A)
        bytes.append(contentsOf: repeatElement(UInt8(ascii: " "), count: depth * width))
    }
}
