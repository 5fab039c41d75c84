/// `try { body } catch name { handler }`: runtime errors and thrown values raised in `body`
/// (or in anything it calls) bind `name` to an error value and run `handler`.
final class TryStmt: Stmt {
    let body: BlockStmt
    let name: String
    let handler: BlockStmt
    var slot = -1
    init(_ body: BlockStmt, catching name: String, _ handler: BlockStmt, at location: SourceLocation) {
        self.body = body
        self.name = name
        self.handler = handler
        super.init(location)
    }
    override var kind: StmtKind { .tryStmt(self) }
    override func exec(_ it: Interpreter) throws -> Exec {
        do {
            return try body.exec(it)
        } catch let failure as ScriptError {
            it.locals[slot] = .object(ErrorValue(failure))
            return try handler.exec(it)
        }
    }
}

/// `import "name"` or `import "path/name.ccs" as alias`: binds the module's exports (a map of
/// its top-level `let`s and `fn`s) to the alias, by default the file's base name.
final class ImportStmt: Stmt {
    let path: String
    let name: String
    var slot = -1
    init(_ path: String, as name: String, at location: SourceLocation) {
        self.path = path
        self.name = name
        super.init(location)
    }
    override var kind: StmtKind { .importStmt(self) }
    override func exec(_ it: Interpreter) throws -> Exec {
        it.locals[slot] = try it.importModule(path, at: location)
        return .normal
    }
}

/// A parsed and resolved script or module.
final class Program {
    let statements: [Stmt]
    let source: SourceFile
    /// Slots of the top-level frame.
    var frameSize = 0
    /// Top-level `let` and `fn` names and their slots: the module's exports.
    var exports: [(name: String, slot: Int)] = []
    init(_ statements: [Stmt], source: SourceFile) {
        self.statements = statements
        self.source = source
    }
}
