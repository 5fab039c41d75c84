/// Binds every name to where it lives before anything runs (STYLE.md §7): a local is a
/// (depth, slot) pair — how many closures out, and which slot of that frame — and a
/// predefined name becomes a constant. Frames are arrays; nothing is looked up by name at
/// run time. Within a function every block-local gets its own slot, so a function's frame
/// size is fixed. `fn` declarations are hoisted to the top of their block, and every
/// top-level name to the top of the script, so functions may call each other in any order.
struct Resolver {
    let registry: BuiltinRegistry
    var errors: [SyntaxError] = []

    /// One function being resolved: its block scopes and the slots used so far.
    final class FunctionScope {
        var blocks: [[String: Int]] = [[:]]
        var size = 0
        var decl: FunctionDecl?
    }
    var functions: [FunctionScope] = []

    init(registry: BuiltinRegistry) {
        self.registry = registry
    }

    /// Resolves a script or module: a fresh top-level scope, then its exports.
    mutating func resolve(_ program: Program) {
        resolve(program, continuing: FunctionScope())
        var seen: Set<String> = []
        // Exports in source order (fn declarations were hoisted to the front).
        for statement in program.statements.sorted(by: { $0.location.offset < $1.location.offset }) {
            if let (name, slot) = Resolver.topLevelName(statement), seen.insert(name).inserted {
                program.exports.append((name, slot))
            }
        }
    }

    /// Resolves `program`'s top level in `top`: a fresh scope for a script, or a REPL
    /// session's, kept between inputs so that `let` bindings and `fn`s stay visible and keep
    /// their slots. Every top-level name is declared before any statement is resolved.
    mutating func resolve(_ program: Program, continuing top: FunctionScope) {
        functions = [top]
        for statement in program.statements {
            switch statement.kind {
            case .letStmt(let s): s.slot = declare(s.name)
            case .fnStmt(let s): s.slot = declare(s.decl.name)
            case .importStmt(let s): s.slot = declare(s.name)
            case .assignNameStmt, .assignFieldStmt, .assignIndexStmt, .tryStmt, .whileStmt, .forStmt,
                 .blockStmt, .exprStmt, .returnStmt, .ifStmt, .breakStmt, .continueStmt, .throwStmt:
                break
            }
        }
        for statement in program.statements { resolve(statement) }
        program.frameSize = top.size
    }

    /// The exported name a top-level statement binds and its slot: `let` and `fn` (not
    /// `import`, whose module stays private to the importer).
    private static func topLevelName(_ statement: Stmt) -> (String, Int)? {
        switch statement.kind {
        case .letStmt(let s): return (s.name, s.slot)
        case .fnStmt(let s): return (s.decl.name, s.slot)
        case .importStmt, .assignNameStmt, .assignFieldStmt, .assignIndexStmt, .tryStmt, .whileStmt, .forStmt,
             .blockStmt, .exprStmt, .returnStmt, .ifStmt, .breakStmt, .continueStmt, .throwStmt:
            return nil
        }
    }

    mutating func declare(_ name: String) -> Int {
        let scope = functions[functions.count - 1]
        if let existing = scope.blocks[scope.blocks.count - 1][name] { return existing }
        let slot = scope.size
        scope.size += 1
        scope.blocks[scope.blocks.count - 1][name] = slot
        return slot
    }

    func lookup(_ name: String) -> Binding? {
        for (depth, scope) in functions.reversed().enumerated() {
            for block in scope.blocks.reversed() {
                if let slot = block[name] { return depth == 0 ? .local(slot) : .outer(depth: depth, slot: slot) }
            }
        }
        return registry.lookup(name).map { .constant($0) }
    }

    /// Every name visible here, innermost first, then the predefined ones (for "did you mean").
    var visibleNames: [String] {
        functions.reversed().flatMap { $0.blocks.reversed().flatMap { $0.keys.sorted() } } + registry.names
    }

    mutating func pushBlock() { functions[functions.count - 1].blocks.append([:]) }
    mutating func popBlock() { functions[functions.count - 1].blocks.removeLast() }

    mutating func resolveBlock(_ block: BlockStmt, declaring names: [String] = []) -> [Int] {
        pushBlock()
        let declared = names.map { declare($0) }
        for case let fn as FnStmt in block.statements { fn.slot = declare(fn.decl.name) }
        for statement in block.statements { resolve(statement) }
        popBlock()
        return declared
    }

    mutating func resolveFunction(_ decl: FunctionDecl) {
        // The enclosing function creates a closure: its locals must outlive its call.
        functions.last?.decl?.needsHeapFrame = true
        let scope = FunctionScope()
        scope.decl = decl
        functions.append(scope)
        for param in decl.params { _ = declare(param) }
        _ = resolveBlock(decl.body)
        decl.frameSize = scope.size
        functions.removeLast()
    }
}
