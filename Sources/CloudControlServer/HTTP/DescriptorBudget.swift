import Foundation

/// How many connections the process's descriptor limit leaves room for.
///
/// Every connection holds a descriptor, and NIO (2.x) cannot back off from a failing accept:
/// when accept4 fails with EMFILE its read interest stays registered, so the event loop spins
/// at 100% CPU until a descriptor frees (issue 16, F7; `AcceptBackoffHandler` never sees a
/// read to delay). So the cap on connections is kept below the limit instead, and accept never
/// runs out.
enum DescriptorBudget {
    /// Descriptors kept for everything but connections: stdio, the event loops' epoll, event
    /// and timer descriptors, the listening socket, SQLite's database, journal and WAL files,
    /// and the accepted connection that is closed again at the cap. A running server holds
    /// about 14 with no connection.
    static let reserve = 32

    /// The connections `RLIMIT_NOFILE`'s soft limit leaves room for (at least 1), or nil when
    /// the limit cannot be read or is unlimited.
    static func connectionsAllowed() -> Int? {
        var limit = rlimit()
        guard getrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit) == 0, limit.rlim_cur < rlim_t(Int.max) else {
            return nil
        }
        return max(1, Int(clamping: limit.rlim_cur) - reserve)
    }
}
