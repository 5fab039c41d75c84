import JSONCore

/// The writer behind `JSONCodec.encode` and `JSONCodec.encodeExactly`: walks a value and
/// writes through JSONCore's `JSONTextOutput`, adding what only language values need
/// (non-JSON values, cycles, depth).
struct ValueJSONWriter {
    var output: JSONTextOutput
    /// The containers being written, to stop at a cycle (a list can contain itself through
    /// aliasing) or past the depth JSON text may have in ccs.
    var path = ContainerPath()
    /// For `encodeExactly`: stop at the first cycle or too deep container and remember why,
    /// instead of writing a `"<cycle>"` or `"<too deep>"` marker in its place.
    let exact: Bool
    /// What stopped an exact encoding.
    private(set) var failure: ScriptError?
    /// What the value is called in an error ("json: argument #1").
    let what: String

    init(pretty: Bool, exact: Bool = false, what: String = "the value") {
        output = JSONTextOutput(indentWidth: pretty ? 2 : nil)
        self.exact = exact
        self.what = what
    }

    mutating func write(_ value: Value) {
        guard failure == nil else { return }
        switch value {
        case .null: output.writeNull()
        case .bool(let flag): output.writeBool(flag)
        case .int(let number): output.writeInt(number)
        case .double(let number): output.writeDouble(number)
        case .string(let text): output.writeString(text)
        case .list(let box):
            guard enter(box) else { return }
            output.beginArray()
            for (index, item) in box.items.enumerated() {
                output.beginElement(isFirst: index == 0)
                write(item)
            }
            output.endArray(isEmpty: box.items.isEmpty)
            path.leave()
        case .map(let box):
            guard enter(box) else { return }
            output.beginObject()
            for (index, entry) in box.entries.enumerated() {
                output.writeKey(entry.key, isFirst: index == 0)
                write(entry.value)
            }
            output.endObject(isEmpty: box.entries.isEmpty)
            path.leave()
        case .function(let function): output.writeString("<fn \(function.name)>")
        case .sequence(let sequence): output.writeString("<sequence \(sequence.name)>")
        case .object(let object):
            if exact {
                do {
                    write(try object.jsonValue())
                } catch let error as ScriptError {
                    failure = error
                } catch {
                    failure = ScriptError(code: ErrorCode.valueError, message: "\(what): \(error)")
                }
            } else {
                write((try? object.jsonValue()) ?? .null)
            }
        }
    }

    private mutating func enter(_ container: AnyObject) -> Bool {
        guard let problem = path.enter(container) else { return true }
        if exact {
            failure = ContainerPath.error(problem, what)
        } else {
            output.writeString(problem == .cycle ? "<cycle>" : "<too deep>")
        }
        return false
    }
}
