import CCSLanguage

/// Reads fields of values for completion without running script code: map keys, and the
/// fields host objects answer to (resources, requests, errors).
enum FieldLister {
    /// Field names host objects commonly have; each is offered only if the object has it.
    static let hostFieldNames = [
        "type", "id", "props", "token", "op", "status", "event", "code", "message", "request_id",
        "value", "line", "column", "file", "stack",
    ]

    static func fields(of value: Value) -> [String] {
        switch value {
        case .map(let box): return Array(box.entries.keys)
        case .object(let object):
            return hostFieldNames.filter { (try? object.field($0)).flatMap { $0 } != nil }
        default: return []
        }
    }

    static func field(_ name: String, of value: Value) -> Value? {
        switch value {
        case .map(let box): return box.entries[name]
        case .object(let object): return (try? object.field(name)).flatMap { $0 }
        default: return nil
        }
    }
}
