import Foundation

/// A request to stop the running evaluation, made from another thread (the REPL's Ctrl-C
/// watcher, or `ScriptSignals` for a script sent SIGINT or SIGTERM). The interpreter polls it between loop iterations and at function calls; a
/// built-in that waits (`sleep`, Cloud Control's `wait`) sleeps through `CallContext.sleep`,
/// which wakes as soon as the request arrives. Thread-safe.
public final class Interruption: @unchecked Sendable {
    private let condition = NSCondition()
    private var requested = false
    private var signal: Int32?

    public init() {}

    /// Asks the running evaluation to stop. Safe to call from any thread. With a `signal`
    /// (SIGINT, SIGTERM) the stop is an `Interrupted` error the script can catch; without,
    /// it unwinds to the host uncaught (the REPL's Ctrl-C).
    public func request(signal: Int32? = nil) {
        condition.lock()
        requested = true
        self.signal = signal
        condition.broadcast()
        condition.unlock()
    }

    /// Clears a request (the REPL does so before each evaluation).
    public func reset() {
        condition.lock()
        requested = false
        signal = nil
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
        condition.lock()
        let stop = requested ? ScriptInterrupted(signal: signal) : nil
        condition.unlock()
        if let stop { throw stop }
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
        if requested { throw ScriptInterrupted(signal: signal) }
    }
}

/// Raised when an `Interruption` was requested. Not a `ScriptError`, so no host code takes it
/// for an error of the call it interrupted. Without a signal (Ctrl-C at the REPL) `try /
/// catch` does not catch it and it unwinds to the host; with one (a script sent SIGINT or
/// SIGTERM) `catch e` sees it as an error whose code is "Interrupted". `finally` blocks run
/// in both cases.
public struct ScriptInterrupted: Error, Equatable {
    /// The signal that asked for the stop, or nil.
    public var signal: Int32?
    public init(signal: Int32? = nil) { self.signal = signal }
}
