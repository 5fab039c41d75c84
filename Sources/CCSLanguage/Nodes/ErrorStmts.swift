/// `try { body } catch name { handler } finally { cleanup }`, with the `catch` or the
/// `finally` part optional (not both). Runtime errors and thrown values raised in `body` (or
/// in anything it calls) bind `name` to an error value and run `handler`; so does an
/// interruption by SIGINT or SIGTERM, as an error whose code is "Interrupted". `cleanup` runs
/// however the rest ends: normally, by `return`/`break`/`continue`, by an error (also one
/// raised in `handler`), by `exit()` or by any interruption; afterwards that ending goes on,
/// unless `cleanup` itself raises an error or leaves by `return`/`break`/`continue` (as in
/// Python and Java).
final class TryStmt: Stmt {
    let body: BlockStmt
    let name: String?
    let handler: BlockStmt?
    let cleanup: BlockStmt?
    var slot = -1
    init(_ body: BlockStmt, catching name: String?, _ handler: BlockStmt?, finally cleanup: BlockStmt?,
         at location: SourceLocation) {
        self.body = body
        self.name = name
        self.handler = handler
        self.cleanup = cleanup
        super.init(location)
    }
    override var kind: StmtKind { .tryStmt(self) }
    override func exec(_ it: Interpreter) throws -> Exec {
        guard let cleanup else { return try guarded(it) }
        let ending: Exec
        do {
            ending = try guarded(it)
        } catch {
            // An interruption being unwound would stop the cleanup at its first poll: it has
            // been delivered (it is this error), so the cleanup runs with it cleared.
            if error is ScriptInterrupted { it.interruption?.reset() }
            let after = try cleanup.exec(it)
            if after != .normal { return after }
            throw error
        }
        // The cleanup may call functions, which use `returnValue`: keep the body's.
        let returned = it.returnValue
        let after = try cleanup.exec(it)
        if after != .normal { return after }
        it.returnValue = returned
        return ending
    }

    /// The body, and the handler if there is one and the body raised a catchable error.
    @inline(__always) private func guarded(_ it: Interpreter) throws -> Exec {
        guard let handler else { return try body.exec(it) }
        do {
            return try body.exec(it)
        } catch let failure as ScriptError {
            it.locals[slot] = .object(ErrorValue(failure))
            return try handler.exec(it)
        } catch let interrupted as ScriptInterrupted where interrupted.signal != nil {
            it.interruption?.reset()
            it.locals[slot] = .object(ErrorValue(it.interruptedError(interrupted, at: location)))
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
