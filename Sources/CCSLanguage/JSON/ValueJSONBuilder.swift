import JSONCore
import OrderedCollections

/// Builds language values for the one JSON parser: arrays become lists, objects maps.
struct ValueJSONBuilder: JSONBuilder {
    func null() -> Value { .null }
    func bool(_ value: Bool) -> Value { .bool(value) }
    func int(_ value: Int) -> Value { .int(value) }
    func double(_ value: Double) -> Value { .double(value) }
    func string(_ value: String) -> Value { .string(value) }
    func array(_ elements: ArraySlice<Value>) -> Value { .list(ListBox(Array(elements))) }

    /// The last of duplicate keys wins, at the position of the first.
    func object(keys: ArraySlice<String>, values: ArraySlice<Value>) -> Value {
        var entries = OrderedDictionary<String, Value>(minimumCapacity: keys.count)
        var position = values.startIndex
        for key in keys {
            entries[key] = values[position]
            position += 1
        }
        return .map(MapBox(entries))
    }
}
