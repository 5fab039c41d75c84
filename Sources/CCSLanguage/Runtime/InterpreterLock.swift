import Foundation

/// The one lock under which the threads of a `parallel` run script code: whoever holds it may
/// read and write script values (lists, maps, frames) shared between the threads, so script
/// state sees no data race. A thread lets go of it only around waits that touch no script
/// value — network calls and sleeps (`InterpreterLock.releasing`) — which is what lets blocking
/// Cloud Control calls made inside `fn` overlap, as CPython's GIL lets I/O overlap.
///
/// The lock a thread holds is recorded in the thread's own dictionary, so that code deep in a
/// host module (CCSCloud's service calls) can release it without being handed it. Outside
/// `parallel` no thread holds one and `releasing` just runs its body.
public final class InterpreterLock: @unchecked Sendable {
    private let mutex = NSLock()
    private static let key = "ccs.InterpreterLock"

    public init() {}

    /// The lock the calling thread holds, if it is a `parallel` worker.
    public static var current: InterpreterLock? {
        Thread.current.threadDictionary[key] as? InterpreterLock
    }

    /// Runs `body` with the calling thread's lock released, then takes the lock back. `body`
    /// must not touch script values.
    public static func releasing<T>(_ body: () throws -> T) rethrows -> T {
        guard let lock = current else { return try body() }
        lock.mutex.unlock()
        defer { lock.mutex.lock() }
        return try body()
    }

    /// Takes the lock on the calling thread and records it there.
    func enter() {
        mutex.lock()
        Thread.current.threadDictionary[Self.key] = self
    }

    /// Releases the lock and forgets it on the calling thread.
    func leave() {
        Thread.current.threadDictionary.removeObject(forKey: Self.key)
        mutex.unlock()
    }
}
