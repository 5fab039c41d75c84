extension Resolver {
    /// Resolves one REPL input against the names earlier inputs declared: `top` is the
    /// session's top-level scope, kept between inputs, so `let` bindings and `fn`s stay
    /// visible and keep their slots. New top-level names are hoisted as in `resolve(_:)`.
    mutating func resolve(_ program: Program, continuing top: FunctionScope) {
        functions = [top]
        for statement in program.statements {
            switch statement {
            case let s as LetStmt: s.slot = declare(s.name)
            case let s as FnStmt: s.slot = declare(s.decl.name)
            case let s as ImportStmt: s.slot = declare(s.name)
            default: break
            }
        }
        for statement in program.statements { resolve(statement) }
        program.frameSize = top.size
    }
}
