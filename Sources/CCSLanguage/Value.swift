import OrderedCollections

/// A value of the ccs language. JSON's data model plus functions, lazy sequences and host
/// objects. Scalars are stored inline; containers are reference types so that copying a
/// `Value` never copies a collection (see STYLE.md §8).
public enum Value {
    case null
    case bool(Bool)
    /// An exact integer (JSON numbers without fraction or exponent that fit in 64 bits).
    case int(Int)
    case double(Double)
    case string(String)
    case list(ListBox)
    case map(MapBox)
    case function(FunctionBox)
    /// A lazy sequence: elements are produced on demand by its iterator.
    case sequence(SequenceBox)
    /// A value owned by a host module (e.g. a Cloud Control resource or request).
    case object(HostObject)
}

/// The storage of a list value. Mutation through any alias is visible to all of them.
public final class ListBox {
    public var items: [Value]
    public init(_ items: [Value] = []) { self.items = items }
}

/// The storage of a map value: string keys in insertion order.
public final class MapBox {
    public var entries: OrderedDictionary<String, Value>
    public init(_ entries: OrderedDictionary<String, Value> = [:]) { self.entries = entries }
}

/// The iterator protocol behind lazy sequences. `next()` returns nil when exhausted; it may
/// throw (e.g. a page fetch failing), and the error surfaces where the loop is.
public protocol ValueIterator: AnyObject {
    func next() throws -> Value?
}

/// A lazy sequence value. Each iteration asks for a fresh iterator, so a sequence can be
/// walked more than once (a list of resources is re-fetched, not cached).
public final class SequenceBox {
    public let name: String
    public let makeIterator: () -> ValueIterator
    public init(name: String, makeIterator: @escaping () -> ValueIterator) {
        self.name = name
        self.makeIterator = makeIterator
    }
}

/// A value owned by a host module (CCSCloud's resources and requests). Subclasses expose
/// fields to `.` access and say how they print as JSON.
open class HostObject {
    public init() {}
    /// The name `type(x)` reports, e.g. "resource".
    open var typeName: String { "object" }
    /// The value of `x.name`, or nil when there is no such field.
    open func field(_ name: String) throws -> Value? { nil }
    /// The plain JSON-model value this object prints as and converts to.
    open func jsonValue() throws -> Value { .null }
    /// The value `query(x, path)` and the ``x.`path` `` accessor search: by default the JSON
    /// form; a resource would return its properties.
    open func queryRoot() throws -> Value { try jsonValue() }
}
