import NIOConcurrencyHelpers
import NIOCore

/// The server's open connections, so that shutdown can ask each to quiesce. Each server has its
/// own registry; entries leave when their channel closes.
final class ConnectionRegistry: Sendable {
    private let channels = NIOLockedValueBox<[ObjectIdentifier: any Channel]>([:])

    func add(_ channel: any Channel) {
        let key = ObjectIdentifier(channel)
        channels.withLockedValue { $0[key] = channel }
        channel.closeFuture.whenComplete { [channels] _ in
            channels.withLockedValue { _ = $0.removeValue(forKey: key) }
        }
    }

    func all() -> [any Channel] {
        channels.withLockedValue { Array($0.values) }
    }
}
