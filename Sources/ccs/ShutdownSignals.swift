import Dispatch
import Foundation

/// Waits for SIGINT or SIGTERM. The default dispositions are replaced by Dispatch sources, so
/// the signals no longer kill the process and `ccs serve` can shut down cleanly.
final class ShutdownSignals {
    private let received = DispatchSemaphore(value: 0)
    private let name = NSLock()
    private var signalName = "signal"
    private var sources: [any DispatchSourceSignal] = []

    init() {
        for (number, label) in [(SIGINT, "SIGINT"), (SIGTERM, "SIGTERM")] {
            // The default action must be off, else the process dies before the source runs.
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler { [weak self] in self?.deliver(label) }
            source.resume()
            sources.append(source)
        }
    }

    private func deliver(_ label: String) {
        name.lock()
        signalName = label
        name.unlock()
        received.signal()
    }

    /// Blocks until a signal arrives; returns its name.
    func wait() -> String {
        received.wait()
        name.lock()
        defer { name.unlock() }
        return "received \(signalName)"
    }
}
