import Foundation
import JSONCore

/// Encodes any `Encodable` value to a JSONCore document, keeping members in the order the value
/// encodes them (for the synthesized conformances: the order of `CodingKeys`, which follows
/// the service model). Optional members that are nil are omitted, as awsJson1_0 requires, and
/// `Date`s are handed to `dateEncoding`.
struct WireEncoder {
    /// How timestamps are written: epoch seconds on the wire, ISO 8601 for `ccs api`.
    var dateEncoding: @Sendable (Date) -> JSONValue

    /// Epoch seconds, possibly fractional (the awsJson1_0 timestamp format).
    static let epochSeconds: @Sendable (Date) -> JSONValue = { date in
        .wireNumber(date.timeIntervalSince1970)
    }

    func encode<T: Encodable>(_ value: T) throws -> JSONValue {
        let root = WireNode()
        try WireNodeEncoder(node: root, codingPath: [], options: self).encodeValue(value)
        return root.json
    }
}

/// One value under construction. A reference type so that nested containers can fill their
/// part of the tree after they are handed out.
final class WireNode {
    enum Content {
        case empty
        case value(JSONValue)
        case object(keys: [String], nodes: [String: WireNode])
        case array([WireNode])
    }

    var content: Content = .empty

    var json: JSONValue {
        switch content {
        case .empty: return .emptyObject
        case .value(let value): return value
        case .object(let keys, let nodes):
            var members = JSONObject()
            for key in keys {
                if let node = nodes[key] { members[key] = node.json }
            }
            return .object(members)
        case .array(let nodes): return .array(nodes.map(\.json))
        }
    }

    func child(forKey key: String) -> WireNode {
        if case .object(var keys, var nodes) = content {
            if let existing = nodes[key] { return existing }
            let node = WireNode()
            // Emptied first, so that the arrays are uniquely referenced and grow in place:
            // copying them on every member made encoding quadratic in the members' count.
            content = .empty
            keys.append(key)
            nodes[key] = node
            content = .object(keys: keys, nodes: nodes)
            return node
        }
        let node = WireNode()
        content = .object(keys: [key], nodes: [key: node])
        return node
    }

    func appendChild() -> WireNode {
        let node = WireNode()
        if case .array(var nodes) = content {
            // In place, as in `child(forKey:)`: `nodes + [node]` copied every element so far,
            // which made `ccs api ListResources --paginate` quadratic (issue 16, F14).
            content = .empty
            nodes.append(node)
            content = .array(nodes)
        } else {
            content = .array([node])
        }
        return node
    }
}

struct WireNodeEncoder: Encoder {
    let node: WireNode
    let codingPath: [CodingKey]
    let options: WireEncoder
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        if case .object = node.content {} else { node.content = .object(keys: [], nodes: [:]) }
        return KeyedEncodingContainer(WireKeyedContainer<Key>(encoder: self))
    }

    func unkeyedContainer() -> UnkeyedEncodingContainer {
        if case .array = node.content {} else { node.content = .array([]) }
        return WireUnkeyedContainer(encoder: self)
    }

    func singleValueContainer() -> SingleValueEncodingContainer {
        WireSingleValueContainer(encoder: self)
    }

    /// Encodes `value` into this encoder's node, intercepting the types JSON represents
    /// natively so that they do not go through their own (differently shaped) conformances.
    func encodeValue<T: Encodable>(_ value: T) throws {
        switch value {
        case let date as Date: node.content = .value(options.dateEncoding(date))
        case let text as String: node.content = .value(.string(text))
        case let flag as Bool: node.content = .value(.bool(flag))
        case let number as Int: node.content = .value(.int(number))
        case let number as Int64: node.content = .value(.int(Int(number)))
        case let number as Int32: node.content = .value(.int(Int(number)))
        case let number as Double: node.content = .value(.wireNumber(number))
        default: try value.encode(to: self)
        }
    }

    func nested(_ node: WireNode, key: CodingKey) -> WireNodeEncoder {
        WireNodeEncoder(node: node, codingPath: codingPath + [key], options: options)
    }
}

struct WireKeyedContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let encoder: WireNodeEncoder
    var codingPath: [CodingKey] { encoder.codingPath }

    mutating func encodeNil(forKey key: Key) throws {
        encoder.node.child(forKey: key.stringValue).content = .value(.null)
    }

    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
        try encoder.nested(encoder.node.child(forKey: key.stringValue), key: key).encodeValue(value)
    }

    mutating func nestedContainer<NestedKey: CodingKey>(
        keyedBy keyType: NestedKey.Type, forKey key: Key
    ) -> KeyedEncodingContainer<NestedKey> {
        encoder.nested(encoder.node.child(forKey: key.stringValue), key: key).container(keyedBy: keyType)
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> UnkeyedEncodingContainer {
        encoder.nested(encoder.node.child(forKey: key.stringValue), key: key).unkeyedContainer()
    }

    mutating func superEncoder() -> Encoder {
        encoder.nested(encoder.node.child(forKey: "super"), key: WireKey(stringValue: "super"))
    }

    mutating func superEncoder(forKey key: Key) -> Encoder {
        encoder.nested(encoder.node.child(forKey: key.stringValue), key: key)
    }
}

struct WireUnkeyedContainer: UnkeyedEncodingContainer {
    let encoder: WireNodeEncoder
    var codingPath: [CodingKey] { encoder.codingPath }
    var count: Int {
        if case .array(let nodes) = encoder.node.content { return nodes.count }
        return 0
    }

    private func nextEncoder() -> WireNodeEncoder {
        encoder.nested(encoder.node.appendChild(), key: WireKey(intValue: count))
    }

    mutating func encodeNil() throws {
        nextEncoder().node.content = .value(.null)
    }

    mutating func encode<T: Encodable>(_ value: T) throws {
        try nextEncoder().encodeValue(value)
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type)
        -> KeyedEncodingContainer<NestedKey>
    {
        nextEncoder().container(keyedBy: keyType)
    }

    mutating func nestedUnkeyedContainer() -> UnkeyedEncodingContainer {
        nextEncoder().unkeyedContainer()
    }

    mutating func superEncoder() -> Encoder {
        nextEncoder()
    }
}

struct WireSingleValueContainer: SingleValueEncodingContainer {
    let encoder: WireNodeEncoder
    var codingPath: [CodingKey] { encoder.codingPath }

    mutating func encodeNil() throws { encoder.node.content = .value(.null) }
    mutating func encode(_ value: Bool) throws { encoder.node.content = .value(.bool(value)) }
    mutating func encode(_ value: String) throws { encoder.node.content = .value(.string(value)) }
    mutating func encode(_ value: Double) throws { encoder.node.content = .value(.wireNumber(value)) }
    mutating func encode(_ value: Float) throws { encoder.node.content = .value(.wireNumber(Double(value))) }
    mutating func encode(_ value: Int) throws { encoder.node.content = .value(.int(Int(value))) }
    mutating func encode(_ value: Int8) throws { encoder.node.content = .value(.int(Int(value))) }
    mutating func encode(_ value: Int16) throws { encoder.node.content = .value(.int(Int(value))) }
    mutating func encode(_ value: Int32) throws { encoder.node.content = .value(.int(Int(value))) }
    mutating func encode(_ value: Int64) throws { encoder.node.content = .value(.int(Int(value))) }
    mutating func encode(_ value: UInt) throws { encoder.node.content = .value(.wireNumber(Double(value))) }
    mutating func encode(_ value: UInt8) throws { encoder.node.content = .value(.int(Int(value))) }
    mutating func encode(_ value: UInt16) throws { encoder.node.content = .value(.int(Int(value))) }
    mutating func encode(_ value: UInt32) throws { encoder.node.content = .value(.int(Int(value))) }
    mutating func encode(_ value: UInt64) throws { encoder.node.content = .value(.wireNumber(Double(value))) }
    mutating func encode<T: Encodable>(_ value: T) throws { try encoder.encodeValue(value) }
}
