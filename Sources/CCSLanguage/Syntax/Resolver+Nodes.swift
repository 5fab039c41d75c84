extension Resolver {
    mutating func resolve(_ statement: Stmt) {
        switch statement {
        case let s as ExprStmt: resolve(s.expr)
        case let s as LetStmt:
            resolve(s.value)
            s.slot = declare(s.name)
        case let s as FnStmt:
            if s.slot < 0 { s.slot = declare(s.decl.name) }
            resolveFunction(s.decl)
        case let s as AssignNameStmt:
            resolve(s.target)
            if case .constant = s.target.binding {
                errors.append(SyntaxError("cannot assign to built-in '\(s.target.name)' (use 'let' to shadow it)", at: s.target.location))
            }
            resolve(s.value)
        case let s as AssignFieldStmt:
            resolve(s.object)
            resolve(s.value)
        case let s as AssignIndexStmt:
            resolve(s.object)
            resolve(s.index)
            resolve(s.value)
        case let s as ReturnStmt:
            if functions.count == 1 {
                errors.append(SyntaxError("'return' outside a function", at: s.location))
            }
            resolve(s.value)
        case let s as IfStmt:
            resolve(s.condition)
            _ = resolveBlock(s.then)
            resolve(s.otherwise)
        case let s as WhileStmt:
            resolve(s.condition)
            _ = resolveBlock(s.body)
        case let s as ForStmt:
            resolve(s.iterable)
            let names = [s.first] + (s.second.map { [$0] } ?? [])
            let slots = resolveBlock(s.body, declaring: names)
            s.firstSlot = slots[0]
            if slots.count > 1 { s.secondSlot = slots[1] }
        case let s as TryStmt:
            _ = resolveBlock(s.body)
            s.slot = resolveBlock(s.handler, declaring: [s.name])[0]
        case let s as ThrowStmt: resolve(s.value)
        case let s as ImportStmt:
            if s.slot < 0 { s.slot = declare(s.name) }
        case let s as BlockStmt: _ = resolveBlock(s)
        default: break
        }
    }

    mutating func resolve(_ expr: Expr) {
        switch expr {
        case let e as NameExpr:
            if let binding = lookup(e.name) {
                e.binding = binding
            } else {
                errors.append(SyntaxError("undefined variable '\(e.name)'", at: e.location))
            }
        case let e as TemplateExpr: e.parts.forEach { resolve($0) }
        case let e as ListExpr: e.items.forEach { resolve($0) }
        case let e as MapExpr: e.values.forEach { resolve($0) }
        case let e as FnExpr: resolveFunction(e.decl)
        case let e as UnaryExpr: resolve(e.operand)
        case let e as BinaryExpr:
            resolve(e.left)
            resolve(e.right)
        case let e as LogicalExpr:
            resolve(e.left)
            resolve(e.right)
        case let e as CoalesceExpr:
            resolve(e.left)
            resolve(e.right)
        case let e as FieldExpr: resolve(e.object)
        case let e as IndexExpr:
            resolve(e.object)
            resolve(e.index)
        case let e as SliceExpr:
            resolve(e.object)
            if let lower = e.lower { resolve(lower) }
            if let upper = e.upper { resolve(upper) }
        case let e as CallExpr:
            resolve(e.callee)
            e.arguments.forEach { resolve($0) }
        case let e as MethodCallExpr:
            resolve(e.object)
            e.arguments.forEach { resolve($0) }
            if case .function? = registry.lookup(e.name) { e.method = registry.lookup(e.name) }
        case let e as PathExpr: resolve(e.object)
        default: break
        }
    }
}
