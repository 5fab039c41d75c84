/// A callable value: a closure defined in ccs or a built-in implemented in Swift.
/// (Owned by the interpreter; the representation of closures is its concern.)
public final class FunctionBox {
    public let name: String
    public init(name: String) { self.name = name }
}
