/// A JSON document as the wire codec handles it: objects keep their members in order, so the
/// encoder writes members in the model's order and the `ccs api` rendering matches the AWS
/// CLI's. Internal to the module: other modules use JSONCore's document model.
enum WireJSON: Equatable, Sendable {
    case null
    case bool(Bool)
    case integer(Int64)
    case number(Double)
    case string(String)
    case array([WireJSON])
    case object([Member])

    struct Member: Equatable, Sendable {
        var key: String
        var value: WireJSON
    }

    /// The value of member `key` of an object (the first, if repeated).
    subscript(key: String) -> WireJSON? {
        guard case .object(let members) = self else { return nil }
        return members.first { $0.key == key }?.value
    }

    /// The JSON type's name for error messages ("a string", "an object", ...).
    var typeDescription: String {
        switch self {
        case .null: return "null"
        case .bool: return "a boolean"
        case .integer, .number: return "a number"
        case .string: return "a string"
        case .array: return "an array"
        case .object: return "an object"
        }
    }
}

extension WireJSON: Decodable {
    /// Decodes any JSON value through Foundation's parser. Member order of objects is not
    /// preserved on this path (only parsed input and error bodies take it).
    init(from decoder: Decoder) throws {
        if let object = try? decoder.container(keyedBy: WireKey.self) {
            var members: [Member] = []
            for key in object.allKeys.sorted(by: { $0.stringValue < $1.stringValue }) {
                members.append(
                    Member(key: key.stringValue, value: try object.decode(WireJSON.self, forKey: key)))
            }
            self = .object(members)
            return
        }
        if var array = try? decoder.unkeyedContainer() {
            var elements: [WireJSON] = []
            while !array.isAtEnd {
                elements.append(try array.decode(WireJSON.self))
            }
            self = .array(elements)
            return
        }
        let single = try decoder.singleValueContainer()
        if single.decodeNil() {
            self = .null
        } else if let value = try? single.decode(Bool.self) {
            self = .bool(value)
        } else if let value = try? single.decode(String.self) {
            self = .string(value)
        } else if let value = try? single.decode(Int64.self) {
            self = .integer(value)
        } else {
            self = .number(try single.decode(Double.self))
        }
    }
}

/// A coding key for arbitrary member names.
struct WireKey: CodingKey {
    var stringValue: String
    var intValue: Int?

    init(stringValue: String) {
        self.stringValue = stringValue
        self.intValue = nil
    }

    init(intValue: Int) {
        self.stringValue = String(intValue)
        self.intValue = intValue
    }
}
