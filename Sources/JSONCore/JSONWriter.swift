/// Serialises `JSONValue`s through `JSONTextOutput`, the one JSON writer. The output is
/// stable: object members in their stored order (or sorted), integers exactly, doubles in the
/// shortest form that reads back to the same value, and only the escapes RFC 8259 §7 requires.
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
        String(decoding: bytes(value), as: UTF8.self)
    }

    /// The JSON text of `value` as UTF-8 bytes.
    public func bytes(_ value: JSONValue) -> [UInt8] {
        var out = JSONTextOutput(indentWidth: style.indentWidth)
        write(value, into: &out)
        return out.bytes
    }

    private func write(_ value: JSONValue, into out: inout JSONTextOutput) {
        switch value {
        case .null: out.writeNull()
        case .bool(let b): out.writeBool(b)
        case .int(let i): out.writeInt(i)
        case .double(let d): out.writeDouble(d)
        case .string(let s): out.writeString(s)
        case .array(let elements):
            out.beginArray()
            for (i, element) in elements.enumerated() {
                out.beginElement(isFirst: i == 0)
                write(element, into: &out)
            }
            out.endArray(isEmpty: elements.isEmpty)
        case .object(let members):
            out.beginObject()
            if sortKeys {
                for (i, key) in members.keys.sorted().enumerated() {
                    out.writeKey(key, isFirst: i == 0)
                    write(members[key] ?? .null, into: &out)
                }
            } else {
                for (i, member) in members.enumerated() {
                    out.writeKey(member.key, isFirst: i == 0)
                    write(member.value, into: &out)
                }
            }
            out.endObject(isEmpty: members.isEmpty)
        }
    }
}

extension JSONValue: CustomStringConvertible {
    /// The compact JSON text.
    public var description: String { JSONWriter().string(self) }
}
