/// In-place access to an array or object payload. Binding the payload in a `switch` (or
/// `if case`) and writing it back leaves the switch's copy of the enum alive while the payload
/// is mutated, so copy-on-write sees two references and copies the whole buffer: n appends to
/// one array then cost O(n²). These helpers bind the payload in a statement of its own, set
/// `self` to `.null` so the payload is the only reference, mutate it, and put it back (also
/// when `body` throws).
extension JSONValue {
    /// Runs `body` on the elements in place if this is an array; nil otherwise.
    mutating func mutateArray<R>(_ body: (inout [JSONValue]) throws -> R) rethrows -> R? {
        guard case .array(var elements) = self else { return nil }
        self = .null
        defer { self = .array(elements) }
        return try body(&elements)
    }

    /// Runs `body` on the members in place if this is an object; nil otherwise.
    mutating func mutateObject<R>(_ body: (inout JSONObject) throws -> R) rethrows -> R? {
        guard case .object(var members) = self else { return nil }
        self = .null
        defer { self = .object(members) }
        return try body(&members)
    }
}
