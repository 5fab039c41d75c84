import Dispatch
import Foundation

/// Turns SIGINT and SIGTERM into an `Interruption` request while a script runs, so that the
/// script sees an `Interrupted` error it can catch and its `finally` blocks run, instead of
/// the process dying at once with cleanup undone (issue 11). The default dispositions are
/// replaced by Dispatch sources (no signal handler, no global state); a second signal of
/// the same kind while the first is being handled ends the process at once with 128 + the
/// signal, for a script whose cleanup hangs.
public final class ScriptSignals {
    private var sources: [any DispatchSourceSignal] = []
    private let lock = NSLock()
    private var delivered: Set<Int32> = []

    /// Starts turning the two signals into requests on `interruption`.
    public init(requesting interruption: Interruption) {
        for number in [SIGINT, SIGTERM] {
            // The default action must be off, else the process dies before the source runs.
            // Child processes get the default back (`run` resets it in posix_spawn).
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler { [weak self] in self?.deliver(number, to: interruption) }
            source.resume()
            sources.append(source)
        }
    }

    private func deliver(_ number: Int32, to interruption: Interruption) {
        lock.lock()
        let again = !delivered.insert(number).inserted
        lock.unlock()
        if again {
            let message = "ccs: \(Self.name(of: number)) again: exiting without waiting for cleanup\n"
            _ = message.withCString { write(2, $0, strlen($0)) }
            _exit(128 + number)
        }
        interruption.request(signal: number)
    }

    /// Restores the default dispositions.
    public func stop() {
        for source in sources { source.cancel() }
        sources.removeAll()
        signal(SIGINT, SIG_DFL)
        signal(SIGTERM, SIG_DFL)
    }

    /// "SIGINT", "SIGTERM", or "signal N".
    public static func name(of number: Int32?) -> String {
        switch number {
        case SIGINT?: return "SIGINT"
        case SIGTERM?: return "SIGTERM"
        case let other?: return "signal \(other)"
        case nil: return "an interruption"
        }
    }
}
