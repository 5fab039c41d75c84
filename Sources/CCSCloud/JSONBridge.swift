import CCSLanguage
import JSONCore
import OrderedCollections

/// Converts between the language's values and JSONCore's documents, so that JSON Patch,
/// JSON Pointer and the schemas (all JSONCore) apply to script values.
enum JSONBridge {
    /// The JSON document of a value. Host objects convert through their JSON form; functions
    /// and lazy sequences are not JSON and are rejected with `what` naming the argument.
    static func json(_ value: Value, _ what: String) throws -> JSONValue {
        switch value {
        case .null: return .null
        case .bool(let b): return .bool(b)
        case .int(let i): return .int(i)
        case .double(let d): return .double(d)
        case .string(let s): return .string(s)
        case .list(let box): return .array(try box.items.map { try json($0, what) })
        case .map(let box):
            var object = JSONObject(minimumCapacity: box.entries.count)
            for (key, item) in box.entries { object[key] = try json(item, what) }
            return .object(object)
        case .object(let host): return try json(host.jsonValue(), what)
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
