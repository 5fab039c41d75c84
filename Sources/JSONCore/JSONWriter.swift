/// Serialises `JSONValue`s. The output is stable: object members in their stored order,
/// integers exactly, doubles in the shortest form that reads back to the same value, and
/// only the escapes RFC 8259 §7 requires.
public struct JSONWriter: Sendable {
    /// Layout of the output.
    public enum Style: Sendable, Equatable {
        /// No whitespace at all.
        case compact
        /// Two-space indentation, `"key": value`, one member or element per line.
        case pretty
        /// `spaces` per level, `"key": value`, one member or element per line (the AWS CLI
        /// prints with 4, as Python's `json.dumps(..., indent=4)` does).
        case indented(spaces: Int)

        /// Spaces per level, or nil for compact output.
        var indentWidth: Int? {
            switch self {
            case .compact: return nil
            case .pretty: return 2
            case .indented(let spaces): return spaces
            }
        }
    }

    public var style: Style
    /// When true, object members are written sorted by key (for canonical comparisons).
    public var sortKeys: Bool

    public init(style: Style = .compact, sortKeys: Bool = false) {
        self.style = style
        self.sortKeys = sortKeys
    }

    /// The JSON text of `value`.
    public func string(_ value: JSONValue) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(64)
        write(value, into: &out, indent: 0)
        return String(decoding: out, as: UTF8.self)
    }

    /// The JSON text of `value` as UTF-8 bytes.
    public func bytes(_ value: JSONValue) -> [UInt8] {
        var out: [UInt8] = []
        write(value, into: &out, indent: 0)
        return out
    }

    private func write(_ value: JSONValue, into out: inout [UInt8], indent: Int) {
        switch value {
        case .null: out.append(contentsOf: "null".utf8)
        case .bool(let b): out.append(contentsOf: (b ? "true" : "false").utf8)
        case .int(let i): out.append(contentsOf: String(i).utf8)
        case .double(let d): out.append(contentsOf: Self.format(d).utf8)
        case .string(let s): Self.writeString(s, into: &out)
        case .array(let a):
            if a.isEmpty { out.append(contentsOf: "[]".utf8); return }
            out.append(UInt8(ascii: "["))
            for (i, element) in a.enumerated() {
                if i > 0 { out.append(UInt8(ascii: ",")) }
                newline(&out, indent + 1)
                write(element, into: &out, indent: indent + 1)
            }
            newline(&out, indent)
            out.append(UInt8(ascii: "]"))
        case .object(let o):
            if o.isEmpty { out.append(contentsOf: "{}".utf8); return }
            out.append(UInt8(ascii: "{"))
            let keys = sortKeys ? o.keys.sorted() : Array(o.keys)
            for (i, key) in keys.enumerated() {
                if i > 0 { out.append(UInt8(ascii: ",")) }
                newline(&out, indent + 1)
                Self.writeString(key, into: &out)
                out.append(UInt8(ascii: ":"))
                if style != .compact { out.append(UInt8(ascii: " ")) }
                write(o[key] ?? .null, into: &out, indent: indent + 1)
            }
            newline(&out, indent)
            out.append(UInt8(ascii: "}"))
        }
    }

    private func newline(_ out: inout [UInt8], _ indent: Int) {
        guard let width = style.indentWidth else { return }
        out.append(0x0A)
        out.append(contentsOf: repeatElement(UInt8(ascii: " "), count: indent * width))
    }

    /// Doubles: Swift's shortest round-trip form, which is valid JSON for finite values
    /// (`1.0`, `1e-05`, `1e+20`). JSON has no NaN or infinity, so those become `null`.
    static func format(_ d: Double) -> String {
        guard d.isFinite else { return "null" }
        return d.description
    }

    static func writeString(_ s: String, into out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        for b in s.utf8 {
            switch b {
            case UInt8(ascii: "\""): out.append(contentsOf: "\\\"".utf8)
            case UInt8(ascii: "\\"): out.append(contentsOf: "\\\\".utf8)
            case 0x0A: out.append(contentsOf: "\\n".utf8)
            case 0x0D: out.append(contentsOf: "\\r".utf8)
            case 0x09: out.append(contentsOf: "\\t".utf8)
            case 0x08: out.append(contentsOf: "\\b".utf8)
            case 0x0C: out.append(contentsOf: "\\f".utf8)
            case 0..<0x20:
                let hex = String(b, radix: 16)
                out.append(contentsOf: ("\\u" + String(repeating: "0", count: 4 - hex.count) + hex).utf8)
            default: out.append(b)
            }
        }
        out.append(UInt8(ascii: "\""))
    }
}

extension JSONValue: CustomStringConvertible {
    /// The compact JSON text.
    public var description: String { JSONWriter().string(self) }
}
