import OrderedCollections

/// Builds `JSONValue`s.
public struct JSONValueBuilder: JSONBuilder {
    public init() {}

    @inlinable public func null() -> JSONValue { .null }
    @inlinable public func bool(_ value: Bool) -> JSONValue { .bool(value) }
    @inlinable public func int(_ value: Int) -> JSONValue { .int(value) }
    @inlinable public func double(_ value: Double) -> JSONValue { .double(value) }
    @inlinable public func string(_ value: String) -> JSONValue { .string(value) }
    @inlinable public func array(_ elements: ArraySlice<JSONValue>) -> JSONValue { .array(Array(elements)) }

    /// The last of duplicate keys wins, at the position of the first.
    @inlinable
    public func object(keys: ArraySlice<String>, values: ArraySlice<JSONValue>) -> JSONValue {
        var members = OrderedDictionary<String, JSONValue>(minimumCapacity: keys.count)
        var position = values.startIndex
        for key in keys {
            members[key] = values[position]
            position += 1
        }
        return .object(members)
    }
}
