import CCurl
import Foundation

/// A small pool of libcurl easy handles. Each handle keeps its own connection alive between
/// requests, so a caller that sends one request after another reuses one connection, and up to
/// `capacity` callers run at once; more wait for a handle to come back.
///
/// libcurl allows one thread at a time per easy handle (libcurl-thread(3)); the pool hands each
/// handle to one caller at a time.
final class CurlHandlePool: @unchecked Sendable {
    let capacity: Int
    private let condition = NSCondition()
    private var idle: [UnsafeMutableRawPointer] = []
    private var open = 0
    /// Bumped by `close()`: handles checked out before it are cleaned up when they come back.
    private var generation = 0

    init(capacity: Int) {
        self.capacity = max(1, capacity)
    }

    deinit {
        for handle in idle { curl_easy_cleanup(handle) }
    }

    /// A handle for the caller's exclusive use, with the pool generation it belongs to; nil
    /// when libcurl cannot create one. Blocks while `capacity` handles are in use.
    func checkout() -> (handle: UnsafeMutableRawPointer, generation: Int)? {
        condition.lock()
        defer { condition.unlock() }
        while idle.isEmpty && open >= capacity {
            condition.wait()
        }
        if let handle = idle.popLast() { return (handle, generation) }
        guard let handle = curl_easy_init() else { return nil }
        open += 1
        return (handle, generation)
    }

    /// Returns a handle; one from before the last `close()` is cleaned up instead.
    func checkin(_ handle: UnsafeMutableRawPointer, generation: Int) {
        condition.lock()
        defer { condition.unlock() }
        if generation == self.generation {
            idle.append(handle)
        } else {
            curl_easy_cleanup(handle)
            open -= 1
        }
        condition.signal()
    }

    /// Closes the idle handles (and with them their connections); handles in use are closed
    /// when they are returned.
    func close() {
        condition.lock()
        defer { condition.unlock() }
        for handle in idle { curl_easy_cleanup(handle) }
        open -= idle.count
        idle.removeAll()
        generation += 1
        condition.broadcast()
    }
}
