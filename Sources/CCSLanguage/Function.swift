/// A callable value: a closure defined in ccs or a built-in implemented in Swift.
public final class FunctionBox {
    /// The function's name as shown in errors and printing ("<fn NAME>"); "anonymous" for
    /// `fn (x) => ...` literals.
    public let name: String
    let kind: Kind

    enum Kind {
        /// A ccs function and the frame it closed over.
        case script(FunctionDecl, Frame?)
        /// A Swift built-in.
        case native(Builtin)
    }

    init(script decl: FunctionDecl, captured: Frame?) {
        self.name = decl.name
        self.kind = .script(decl, captured)
    }

    /// Wraps a built-in as a function value.
    public init(builtin: Builtin) {
        self.name = builtin.name
        self.kind = .native(builtin)
    }

    /// The number of arguments accepted: minimum and maximum (nil when variadic).
    public var arity: (min: Int, max: Int?) {
        switch kind {
        case .script(let decl, _): return (decl.params.count, decl.params.count)
        case .native(let builtin): return (builtin.minArity, builtin.maxArity)
        }
    }
}
