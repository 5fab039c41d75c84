import Foundation

/// Numbers the requests a loopback server's handler sees (1, 2, ...), safely across the
/// server's threads, so a handler can answer by position (a token cycle, a failure on the
/// third call).
public final class RequestCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0

    public init() {}

    /// The number of this request.
    public func next() -> Int {
        lock.lock()
        defer { lock.unlock() }
        count += 1
        return count
    }
}
