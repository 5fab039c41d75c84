import JSONCore

/// The writer behind `JSONCodec.encode`: walks a value and writes through JSONCore's
/// `JSONTextOutput`, adding what only language values need (non-JSON values, cycles, depth).
struct ValueJSONWriter {
    var output: JSONTextOutput
    /// The containers being written, innermost last, to print a cycle as "<cycle>" instead of
    /// recursing forever (a list can contain itself through aliasing).
    var path: [ObjectIdentifier] = []

    /// Beyond this depth every container is checked against `path`. Shallower ones cannot
    /// start a cycle that is not caught deeper, so the common case skips the scan.
    static let cycleCheckDepth = 64
    /// Containers nested deeper than this print as "<too deep>": the writer recurses, and
    /// this depth is safe on a 512 KiB thread stack even in debug builds.
    static let maxDepth = JSONCodec.maxDepth

    init(pretty: Bool) {
        output = JSONTextOutput(indentWidth: pretty ? 2 : nil)
    }

    mutating func write(_ value: Value) {
        switch value {
        case .null: output.writeNull()
        case .bool(let flag): output.writeBool(flag)
        case .int(let number): output.writeInt(number)
        case .double(let number): output.writeDouble(number)
        case .string(let text): output.writeString(text)
        case .list(let box):
            guard enter(ObjectIdentifier(box)) else { return }
            output.beginArray()
            for (index, item) in box.items.enumerated() {
                output.beginElement(isFirst: index == 0)
                write(item)
            }
            output.endArray(isEmpty: box.items.isEmpty)
            path.removeLast()
        case .map(let box):
            guard enter(ObjectIdentifier(box)) else { return }
            output.beginObject()
            for (index, entry) in box.entries.enumerated() {
                output.writeKey(entry.key, isFirst: index == 0)
                write(entry.value)
            }
            output.endObject(isEmpty: box.entries.isEmpty)
            path.removeLast()
        case .function(let function): output.writeString("<fn \(function.name)>")
        case .sequence(let sequence): output.writeString("<sequence \(sequence.name)>")
        case .object(let object): write((try? object.jsonValue()) ?? .null)
        }
    }

    private mutating func enter(_ id: ObjectIdentifier) -> Bool {
        if path.count >= Self.cycleCheckDepth && path.contains(id) {
            output.writeString("<cycle>")
            return false
        }
        if path.count >= Self.maxDepth {
            output.writeString("<too deep>")
            return false
        }
        path.append(id)
        return true
    }
}
