/// One operation of a JSON Patch document (RFC 6902 §4).
public enum JSONPatchOperation: Sendable, Equatable {
    case add(path: JSONPointer, value: JSONValue)
    case remove(path: JSONPointer)
    case replace(path: JSONPointer, value: JSONValue)
    case move(from: JSONPointer, path: JSONPointer)
    case copy(from: JSONPointer, path: JSONPointer)
    case test(path: JSONPointer, value: JSONValue)

    /// The `op` member's value: `add`, `remove`, `replace`, `move`, `copy` or `test`.
    public var name: String {
        switch self {
        case .add: return "add"
        case .remove: return "remove"
        case .replace: return "replace"
        case .move: return "move"
        case .copy: return "copy"
        case .test: return "test"
        }
    }

    /// The target location (`path`).
    public var path: JSONPointer {
        switch self {
        case .add(let p, _), .remove(let p), .replace(let p, _), .move(_, let p), .copy(_, let p),
            .test(let p, _):
            return p
        }
    }

    /// The operation as its JSON object (`{"op": ..., "path": ..., ...}`).
    public var json: JSONValue {
        switch self {
        case .add(let p, let v): return ["op": "add", "path": .string(p.description), "value": v]
        case .remove(let p): return ["op": "remove", "path": .string(p.description)]
        case .replace(let p, let v): return ["op": "replace", "path": .string(p.description), "value": v]
        case .move(let f, let p):
            return ["op": "move", "from": .string(f.description), "path": .string(p.description)]
        case .copy(let f, let p):
            return ["op": "copy", "from": .string(f.description), "path": .string(p.description)]
        case .test(let p, let v): return ["op": "test", "path": .string(p.description), "value": v]
        }
    }

    /// Decodes one operation object (§4). `index` is its position in the patch, used in errors.
    public init(json: JSONValue, index: Int) throws {
        guard case .object(let o) = json else {
            throw JSONPatchError(
                index: index, op: nil, path: nil,
                message: "an operation must be an object, got \(json.typeName)")
        }
        guard let opValue = o["op"] else {
            throw JSONPatchError(index: index, op: nil, path: nil, message: "missing 'op' member")
        }
        guard case .string(let op) = opValue else {
            throw JSONPatchError(
                index: index, op: nil, path: nil, message: "'op' must be a string, got \(opValue.typeName)")
        }
        func pointer(_ member: String) throws -> JSONPointer {
            guard let raw = o[member] else {
                throw JSONPatchError(index: index, op: op, path: nil, message: "missing '\(member)' member")
            }
            guard case .string(let s) = raw else {
                throw JSONPatchError(
                    index: index, op: op, path: nil,
                    message: "'\(member)' must be a string, got \(raw.typeName)")
            }
            do {
                return try JSONPointer(s)
            } catch let e as JSONPointerError {
                throw JSONPatchError(index: index, op: op, path: s, message: e.description)
            }
        }
        func value(_ path: JSONPointer) throws -> JSONValue {
            guard let v = o["value"] else {
                throw JSONPatchError(
                    index: index, op: op, path: path.description, message: "missing 'value' member")
            }
            return v
        }
        switch op {
        case "add": let p = try pointer("path"); self = .add(path: p, value: try value(p))
        case "remove": self = .remove(path: try pointer("path"))
        case "replace": let p = try pointer("path"); self = .replace(path: p, value: try value(p))
        case "move": let p = try pointer("path"); self = .move(from: try pointer("from"), path: p)
        case "copy": let p = try pointer("path"); self = .copy(from: try pointer("from"), path: p)
        case "test": let p = try pointer("path"); self = .test(path: p, value: try value(p))
        default:
            throw JSONPatchError(index: index, op: op, path: nil, message: "unknown operation '\(op)'")
        }
    }
}
