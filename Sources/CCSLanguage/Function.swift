/// A callable value: a closure defined in ccs or a built-in implemented in Swift.
public final class FunctionBox {
    /// The function's name as shown in errors and printing ("<fn NAME>"); "anonymous" for
    /// `fn (x) => ...` literals.
    public let name: String
    /// A ccs function: its declaration and the frame it closed over. Plain fields rather
    /// than an enum payload, so a call reads them without copying (and retaining) a payload.
    let decl: FunctionDecl?
    let captured: Frame?
    /// A Swift built-in.
    let builtin: Builtin?

    init(script decl: FunctionDecl, captured: Frame?) {
        self.name = decl.name
        self.decl = decl
        self.captured = captured
        self.builtin = nil
    }

    /// Wraps a built-in as a function value.
    public init(builtin: Builtin) {
        self.name = builtin.name
        self.decl = nil
        self.captured = nil
        self.builtin = builtin
    }

    /// The number of arguments accepted: minimum and maximum (nil when variadic).
    public var arity: (min: Int, max: Int?) {
        if let decl { return (decl.params.count, decl.params.count) }
        return (builtin?.minArity ?? 0, builtin?.maxArity)
    }
}
