/// What the one JSON parser (`JSONParser.parse(_:options:into:)`) calls to turn the values it
/// recognises into a caller's document model: JSONCore's `JSONValue` and the language's
/// `Value` each conform once.
///
/// The parser is generic over the builder and `@inlinable`, so every conformer gets its own
/// specialised copy of the inner loop: no existential or witness-table call per value.
/// Containers are handed over whole, once their closing bracket is read: the parser keeps
/// the elements of open containers on its own stacks.
public protocol JSONBuilder {
    /// The document model's value type.
    associatedtype Value

    mutating func null() -> Value
    mutating func bool(_ value: Bool) -> Value
    /// An integer literal (no fraction or exponent) that fits `Int`.
    mutating func int(_ value: Int) -> Value
    /// Any other finite number.
    mutating func double(_ value: Double) -> Value
    mutating func string(_ value: String) -> Value
    /// A closed array, its elements in order.
    mutating func array(_ elements: ArraySlice<Value>) -> Value
    /// A closed object: `keys[i]` names `values[i]`, in document order, duplicates included
    /// (the builder decides which one counts).
    mutating func object(keys: ArraySlice<String>, values: ArraySlice<Value>) -> Value
}
