import NIOConcurrencyHelpers
import NIOCore

/// The server's open connections: so that shutdown can ask each to quiesce, and so that their
/// number stays under `HTTPServerLimits.maxConnections` (issue 16, F7). Each server has its
/// own registry; entries leave when their channel closes.
///
/// At the cap, a new connection takes the place of the one that has waited longest between
/// requests: clients that keep connections open and send nothing (a flood of idle sockets, or
/// keep-alive pools) cannot lock others out, and no request in progress is cut off. When every
/// connection is busy, the new one is closed at once.
final class ConnectionRegistry: Sendable {
    private struct Entry {
        let channel: any Channel
        /// When the connection last became idle (accepted, or a response written); nil while
        /// a request is being read or handled.
        var idleSince: NIODeadline?
    }

    private let entries = NIOLockedValueBox<[ObjectIdentifier: Entry]>([:])
    private let limit: Int

    init(maxConnections: Int = .max) {
        limit = max(1, maxConnections)
    }

    /// Registers an accepted connection and returns the connection to close to make room:
    /// the longest idle one, the new one itself when none is idle, or nil under the cap.
    func admit(_ channel: any Channel) -> (any Channel)? {
        let key = ObjectIdentifier(channel)
        let victim: (any Channel)? = entries.withLockedValue { entries in
            var victim: (any Channel)?
            if entries.count >= limit {
                let oldest = entries.filter { $0.value.idleSince != nil }
                    .min { $0.value.idleSince! < $1.value.idleSince! }
                if let oldest {
                    entries.removeValue(forKey: oldest.key)
                    victim = oldest.value.channel
                } else {
                    return channel
                }
            }
            entries[key] = Entry(channel: channel, idleSince: .now())
            return victim
        }
        if victim !== channel {
            channel.closeFuture.whenComplete { [entries] _ in
                entries.withLockedValue { _ = $0.removeValue(forKey: key) }
            }
        }
        return victim
    }

    /// A request has started on `channel` (its head arrived).
    func markBusy(_ channel: any Channel) {
        entries.withLockedValue { $0[ObjectIdentifier(channel)]?.idleSince = nil }
    }

    /// `channel` finished a response and waits for the next request.
    func markIdle(_ channel: any Channel) {
        entries.withLockedValue { $0[ObjectIdentifier(channel)]?.idleSince = .now() }
    }

    var count: Int { entries.withLockedValue { $0.count } }

    func all() -> [any Channel] {
        entries.withLockedValue { $0.values.map(\.channel) }
    }
}
