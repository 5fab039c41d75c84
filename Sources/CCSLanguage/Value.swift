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

/// A lazy sequence value. Sources (`range`, a Cloud Control listing) can be walked any
/// number of times: each walk asks for a fresh iterator (a listing is re-fetched, not cached).
/// A sequence that runs a script function per element (`map`, `filter`) can be walked once:
/// its function may have side effects (`create`), and a second walk would repeat them, so it
/// is refused with an error that says to `collect()` first (docs/LANGUAGE.md, "Lazy
/// sequences").
public final class SequenceBox {
    public let name: String
    /// True for sequences that may be walked only once.
    public let once: Bool
    private let produce: () -> ValueIterator
    private var walked = false
    public init(name: String, once: Bool = false, makeIterator: @escaping () -> ValueIterator) {
        self.name = name
        self.once = once
        self.produce = makeIterator
    }
    /// A fresh iterator; for a walk-once sequence walked before, one that raises the error.
    public func makeIterator() -> ValueIterator {
        if once {
            if walked { return FailingIterator(alreadyWalked) }
            walked = true
        }
        return produce()
    }
    /// The error a second walk of a walk-once sequence raises.
    var alreadyWalked: ScriptError {
        ScriptError(code: ErrorCode.valueError,
                    message: "this \(name) sequence was already iterated, and its function runs once per element; "
                        + "use collect(seq) to keep the elements and walk the list again")
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
