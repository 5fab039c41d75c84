/// Every node class, one case each, for passes that must handle them all (the resolver).
/// Adding a node class means adding a case here (its `kind` returns it), and then every
/// `switch` over the kinds fails to compile until it handles the new one: none of those
/// switches has a `default`.
enum StmtKind {
    case exprStmt(ExprStmt), letStmt(LetStmt), fnStmt(FnStmt), returnStmt(ReturnStmt)
    case ifStmt(IfStmt), whileStmt(WhileStmt), forStmt(ForStmt), blockStmt(BlockStmt)
    case breakStmt(BreakStmt), continueStmt(ContinueStmt)
    case assignNameStmt(AssignNameStmt), assignFieldStmt(AssignFieldStmt), assignIndexStmt(AssignIndexStmt)
    case tryStmt(TryStmt), throwStmt(ThrowStmt), importStmt(ImportStmt)
}

/// See `StmtKind`.
enum ExprKind {
    case literalExpr(LiteralExpr), templateExpr(TemplateExpr), nameExpr(NameExpr), fnExpr(FnExpr)
    case listExpr(ListExpr), mapExpr(MapExpr), pathExpr(PathExpr)
    case unaryExpr(UnaryExpr), binaryExpr(BinaryExpr), logicalExpr(LogicalExpr), coalesceExpr(CoalesceExpr)
    case conditionalExpr(ConditionalExpr), chainGuardExpr(ChainGuardExpr), optionalChainExpr(OptionalChainExpr)
    case fieldExpr(FieldExpr), indexExpr(IndexExpr), sliceExpr(SliceExpr)
    case callExpr(CallExpr), methodCallExpr(MethodCallExpr)
}
