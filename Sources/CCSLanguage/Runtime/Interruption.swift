import Foundation

/// A request to stop the running evaluation, made from another thread (the REPL's Ctrl-C
/// watcher). The interpreter polls it between loop iterations and at function calls; a
/// built-in that waits (`sleep`, Cloud Control's `wait`) sleeps through `CallContext.sleep`,
/// which wakes as soon as the request arrives. Thread-safe.
public final class Interruption: @unchecked Sendable {
    private let condition = NSCondition()
    private var requested = false

    public init() {}

    /// Asks the running evaluation to stop. Safe to call from any thread.
    public func request() {
        condition.lock()
        requested = true
        condition.broadcast()
        condition.unlock()
    }

    /// Clears a request (the REPL does so before each evaluation).
    public func reset() {
        condition.lock()
        requested = false
        condition.unlock()
    }

    /// True when a stop was requested and not yet reset.
    public var isRequested: Bool {
        condition.lock()
        defer { condition.unlock() }
        return requested
    }

    /// Throws `ScriptInterrupted` when a stop was requested.
    public func check() throws {
        if isRequested { throw ScriptInterrupted() }
    }

    /// Waits `seconds`, or less when a stop is requested meanwhile, in which case it throws
    /// `ScriptInterrupted`.
    public func sleep(seconds: Double) throws {
        let deadline = Date(timeIntervalSinceNow: seconds)
        condition.lock()
        defer { condition.unlock() }
        while !requested {
            if !condition.wait(until: deadline) { break }
        }
        if requested { throw ScriptInterrupted() }
    }
}

/// Raised when an `Interruption` was requested (Ctrl-C at the REPL). Not a `ScriptError`:
/// `try / catch` in the script does not catch it, so it always unwinds to the host.
public struct ScriptInterrupted: Error, Equatable {
    public init() {}
}
