import CCSLanguage
import JSONCore
import OrderedCollections

/// Converts between the language's values and JSONCore's documents, so that JSON Patch,
/// JSON Pointer and the schemas (all JSONCore) apply to script values.
enum JSONBridge {
    /// The JSON document of a value. Host objects convert through their JSON form; functions
    /// and lazy sequences are not JSON and are rejected with `what` naming the argument, and
    /// so are a value that contains itself and one nested deeper than JSON may be in ccs
    /// (`ContainerPath`), which would otherwise recurse until the stack ran out.
    static func json(_ value: Value, _ what: String) throws -> JSONValue {
        var path = ContainerPath()
        return try json(value, what, &path)
    }

    private static func json(_ value: Value, _ what: String, _ path: inout ContainerPath) throws -> JSONValue {
        switch value {
        case .null: return .null
        case .bool(let b): return .bool(b)
        case .int(let i): return .int(i)
        case .double(let d): return .double(d)
        case .string(let s): return .string(s)
        case .list(let box):
            if let problem = path.enter(box) { throw ContainerPath.error(problem, what) }
            defer { path.leave() }
            var array: [JSONValue] = []
            array.reserveCapacity(box.items.count)
            for item in box.items { array.append(try json(item, what, &path)) }
            return .array(array)
        case .map(let box):
            if let problem = path.enter(box) { throw ContainerPath.error(problem, what) }
            defer { path.leave() }
            var object = JSONObject(minimumCapacity: box.entries.count)
            for (key, item) in box.entries { object[key] = try json(item, what, &path) }
            return .object(object)
        case .object(let host): return try json(host.jsonValue(), what, &path)
        case .function, .sequence:
            throw ScriptError(
                code: ErrorCode.typeError, message: "\(what): a \(value.typeName) value is not JSON")
        }
    }

    /// The language value of a JSON document (fresh containers).
    static func value(_ json: JSONValue) -> Value {
        switch json {
        case .null: return .null
        case .bool(let b): return .bool(b)
        case .int(let i): return .int(i)
        case .double(let d): return .double(d)
        case .string(let s): return .string(s)
        case .array(let items): return .list(ListBox(items.map(value)))
        case .object(let members):
            var entries = OrderedDictionary<String, Value>(minimumCapacity: members.count)
            for (key, item) in members { entries[key] = value(item) }
            return .map(MapBox(entries))
        }
    }
}
