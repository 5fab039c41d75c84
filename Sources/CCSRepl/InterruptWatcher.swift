import CCSLanguage
import Foundation

/// Turns SIGINT (Ctrl-C while an evaluation runs) into `Interruption.request()` without a
/// signal handler or global state: SIGINT is blocked in the calling thread, so in every
/// thread started after it, and one thread takes it with `sigwait(3)`. While a line is
/// being edited the terminal does not send SIGINT at all (see `LineEditor`).
enum InterruptWatcher {
    /// Call on the main thread before any other thread is started.
    static func start(requesting interruption: Interruption) {
        var set = sigset_t()
        sigemptyset(&set)
        sigaddset(&set, SIGINT)
        pthread_sigmask(SIG_BLOCK, &set, nil)
        let blocked = set
        let thread = Thread {
            var waited = blocked
            // Foundation may start threads with an empty mask: block here too, so SIGINT
            // is only ever taken by sigwait, never delivered (and fatal) between waits.
            pthread_sigmask(SIG_BLOCK, &waited, nil)
            var signal: Int32 = 0
            while sigwait(&waited, &signal) == 0 {
                if signal == SIGINT { interruption.request() }
            }
        }
        thread.stackSize = 1 << 16
        thread.start()
    }
}
