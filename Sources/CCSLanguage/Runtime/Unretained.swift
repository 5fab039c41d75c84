/// A class reference read without reference counting: the one place the interpreter opts
/// out of ARC. Loading a class reference from a field or an array retains it and releases
/// it after use; on the evaluator's hot paths (running a block's statements, evaluating a
/// call's arguments, saving the running activation around a call) that pair costs more than
/// the work itself.
///
/// Invariant: an `Unretained` never owns its referent. Whoever makes one must hold a strong
/// reference elsewhere for as long as the `Unretained` is read. The owners used in this
/// module:
/// - a node's children: the parent node's strong `let` fields and arrays;
/// - `Frame.up`: the same frame's strong `parent`;
/// - the interpreter's running activation (`Interpreter.activation`): the caller of
///   `invoke` or `runTopLevel`, which holds the frame, the function value (and so its
///   declaration, source and captured frame) until the call returns;
///   `Interpreter.keepAlive` holds module frames, sources and the placeholders;
/// - a function value's declaration during a call: the `FunctionBox` the caller holds;
/// - `NameExpr.constantBuiltin`: the same node's `constant`.
///
/// In DEBUG builds the reference is weak and every read checks that the referent is still
/// alive, so a broken invariant fails the test that runs it with a message instead of reading
/// freed memory (a weak reference, unlike a strong one, does not hide the bug by extending
/// the referent's life). Release builds store an `Unmanaged` and read it in place.
struct Unretained<Object: AnyObject> {
    #if DEBUG
    private weak var checked: Object?

    @inline(__always) init(_ object: Object) { checked = object }

    /// The referent, for uses that may retain it.
    var object: Object {
        guard let object = checked else {
            preconditionFailure("Unretained<\(Object.self)>: the referent was freed while still in use")
        }
        return object
    }

    /// Runs `body` with the referent borrowed.
    @inline(__always) func with<Result>(_ body: (Object) throws -> Result) rethrows -> Result {
        try body(object)
    }
    #else
    private let reference: Unmanaged<Object>

    @inline(__always) init(_ object: Object) { reference = Unmanaged.passUnretained(object) }

    /// The referent, for uses that may retain it.
    @inline(__always) var object: Object { reference.takeUnretainedValue() }

    /// Runs `body` with the referent borrowed: no retain or release around it.
    @inline(__always) func with<Result>(_ body: (Object) throws -> Result) rethrows -> Result {
        try reference._withUnsafeGuaranteedRef(body)
    }
    #endif
}

extension Array where Element: AnyObject {
    /// Runs `body` with element `i` borrowed, not retained: the array (a node's `let`
    /// children) keeps it alive while `body` runs.
    @inline(__always) func withElement<Result>(_ i: Int, _ body: (Element) throws -> Result) rethrows -> Result {
        try Unretained(self[i]).with(body)
    }
}
