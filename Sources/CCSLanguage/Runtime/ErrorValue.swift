import OrderedCollections

/// What `catch e` binds: a runtime error or a thrown value, with `e.code`, `e.message`,
/// `e.line`, `e.column`, `e.file`, `e.stack` (list of "fn 'f' at file:line:col" strings,
/// innermost first) and `e.value` (what was thrown, or null). Any other field is looked up in
/// `e.value` when it is a map or object. `throw e` rethrows it unchanged.
public final class ErrorValue: HostObject {
    public let error: ScriptError

    public init(_ error: ScriptError) {
        self.error = error
    }

    public override var typeName: String { "error" }

    public override func field(_ name: String) throws -> Value? {
        switch name {
        case "code": return .string(error.code)
        case "message": return .string(error.message)
        case "line": return error.location.map { .int($0.line) } ?? .null
        case "column": return error.location.map { .int($0.column) } ?? .null
        case "file": return error.file.map { .string($0) } ?? .null
        case "stack":
            return .list(ListBox(error.trace.map {
                .string("\($0.function) at \($0.file):\($0.location.line):\($0.location.column)")
            }))
        case "value": return error.value ?? .null
        default:
            // Host modules raise errors with extra fields (CCSCloud: `status`, `request_id`,
            // `request`) by attaching a map or object as the value; its fields show through.
            switch error.value {
            case .map(let box)?: return box.entries[name]
            case .object(let object)?: return try object.field(name)
            default: return nil
            }
        }
    }

    public override func jsonValue() throws -> Value {
        var entries: OrderedDictionary<String, Value> = [:]
        for key in ["code", "message", "line", "column", "file", "stack", "value"] {
            entries[key] = try field(key) ?? .null
        }
        return .map(MapBox(entries))
    }
}

extension Interpreter {
    /// The error raised by `throw value`. Error values are rethrown as they are; maps lend
    /// their `code` and `message` fields; anything else becomes the message.
    func thrownError(_ value: Value, at location: SourceLocation) throws -> ScriptError {
        if case .object(let object) = value, let caught = object as? ErrorValue {
            return caught.error
        }
        var code = ErrorCode.thrown
        var message: String
        switch value {
        case .string(let s): message = s
        case .map(let box):
            if case .string(let c)? = box.entries["code"] { code = c }
            if case .string(let m)? = box.entries["message"] { message = m } else { message = try stringify(value) }
        default: message = try stringify(value)
        }
        var failure = error(code, message, at: location)
        failure.value = value
        return failure
    }
}
