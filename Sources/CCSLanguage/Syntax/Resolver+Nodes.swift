extension Resolver {
    mutating func resolve(_ statement: Stmt) {
        switch statement.kind {
        case .exprStmt(let s): resolve(s.expr)
        case .letStmt(let s):
            resolve(s.value)
            s.slot = declare(s.name)
        case .fnStmt(let s):
            if s.slot < 0 { s.slot = declare(s.decl.name) }
            resolveFunction(s.decl)
        case .assignNameStmt(let s):
            resolve(s.target)
            if case .constant = s.target.binding {
                errors.append(SyntaxError("cannot assign to built-in '\(s.target.name)' (use 'let' to shadow it)", at: s.target.location))
            }
            resolve(s.value)
        case .assignFieldStmt(let s):
            resolve(s.object)
            resolve(s.value)
        case .assignIndexStmt(let s):
            resolve(s.object)
            resolve(s.index)
            resolve(s.value)
        case .returnStmt(let s):
            if functions.count == 1 {
                errors.append(SyntaxError("'return' outside a function", at: s.location))
            }
            resolve(s.value)
        case .ifStmt(let s):
            resolve(s.condition)
            _ = resolveBlock(s.then)
            resolve(s.otherwise)
        case .whileStmt(let s):
            resolve(s.condition)
            _ = resolveBlock(s.body)
        case .forStmt(let s):
            resolve(s.iterable)
            let names = [s.first] + (s.second.map { [$0] } ?? [])
            let slots = resolveBlock(s.body, declaring: names)
            s.firstSlot = slots[0]
            if slots.count > 1 { s.secondSlot = slots[1] }
        case .tryStmt(let s):
            _ = resolveBlock(s.body)
            if let handler = s.handler, let name = s.name { s.slot = resolveBlock(handler, declaring: [name])[0] }
            if let cleanup = s.cleanup { _ = resolveBlock(cleanup) }
        case .throwStmt(let s): resolve(s.value)
        case .importStmt(let s):
            if s.slot < 0 { s.slot = declare(s.name) }
        case .blockStmt(let s): _ = resolveBlock(s)
        case .breakStmt, .continueStmt: break
        }
    }

    mutating func resolve(_ expr: Expr) {
        switch expr.kind {
        case .nameExpr(let e):
            if let binding = lookup(e.name) {
                e.binding = binding
            } else {
                errors.append(SyntaxError("undefined variable '\(e.name)'" + Suggestion.hint(for: e.name, among: visibleNames),
                                          at: e.location))
            }
        case .templateExpr(let e): e.parts.forEach { resolve($0) }
        case .listExpr(let e): e.items.forEach { resolve($0) }
        case .mapExpr(let e): e.values.forEach { resolve($0) }
        case .fnExpr(let e): resolveFunction(e.decl)
        case .unaryExpr(let e): resolve(e.operand)
        case .binaryExpr(let e):
            resolve(e.left)
            resolve(e.right)
        case .logicalExpr(let e):
            resolve(e.left)
            resolve(e.right)
        case .chainGuardExpr(let e): resolve(e.inner)
        case .optionalChainExpr(let e): resolve(e.chain)
        case .conditionalExpr(let e):
            resolve(e.condition)
            resolve(e.then)
            resolve(e.otherwise)
        case .coalesceExpr(let e):
            resolve(e.left)
            resolve(e.right)
        case .fieldExpr(let e): resolve(e.object)
        case .indexExpr(let e):
            resolve(e.object)
            resolve(e.index)
        case .sliceExpr(let e):
            resolve(e.object)
            if let lower = e.lower { resolve(lower) }
            if let upper = e.upper { resolve(upper) }
        case .callExpr(let e):
            resolve(e.callee)
            e.arguments.forEach { resolve($0) }
        case .methodCallExpr(let e):
            resolve(e.object)
            e.arguments.forEach { resolve($0) }
            if case .function? = registry.lookup(e.name) { e.method = registry.lookup(e.name) }
        case .pathExpr(let e): resolve(e.object)
        case .literalExpr: break
        }
    }
}
