import Foundation

/// Runs work items on up to `concurrency` threads at once, for `parallel` and for host
/// built-ins that fan out (CCSCloud's `get_all`). Each thread runs script code through its own
/// `Interpreter` (its own value stack and activation; registry, host and Ctrl-C shared with
/// the caller's) while holding the shared `InterpreterLock`, which it releases around network
/// calls and sleeps. Results come back in input order, each the item's value or its error.
///
/// Ctrl-C (the caller's `Interruption`) stops handing out items; items in flight see it at
/// their next check or sleep; the run then throws `ScriptInterrupted`. A nested run (inside
/// a worker) shares its caller's lock and releases it while it waits for its own workers.
public enum ParallelRun {
    /// The default number of items in flight.
    public static let defaultConcurrency = 16
    /// The most threads one run starts.
    public static let maxConcurrency = 256
    /// Each worker's stack: script recursion is Swift recursion (see `LargeStack`); the call
    /// depth limit shrinks in proportion, so deep recursion is still a catchable error.
    static let workerStackSize = 64 << 20
    static var workerCallDepth: Int { 20_000 * workerStackSize / LargeStack.defaultSize + 200 }

    /// Runs `work(context, index)` for every index in `0..<count`.
    public static func run(
        count: Int, concurrency: Int, context: CallContext,
        _ work: @escaping (CallContext, Int) throws -> Value
    ) throws -> [Result<Value, ScriptError>] {
        guard count > 0 else { return [] }
        let caller = context.interpreter
        let lock = InterpreterLock.current ?? InterpreterLock()
        let state = RunState(count: count)
        let threads = min(max(1, concurrency), count, maxConcurrency)
        let finished = DispatchGroup()
        for _ in 0..<threads {
            finished.enter()
            let thread = Thread {
                lock.enter()
                let worker = Interpreter(registry: caller.registry, host: caller.host, maxCallDepth: workerCallDepth)
                worker.interruption = caller.interruption
                let workerContext = CallContext(interpreter: worker, location: context.location)
                while let index = state.next() {
                    if caller.interruption?.isRequested == true {
                        state.stop(ScriptInterrupted())
                        break
                    }
                    do {
                        state.results[index] = .success(try work(workerContext, index))
                    } catch let error as ScriptError {
                        state.results[index] = .failure(error)
                    } catch {
                        // Ctrl-C (`ScriptInterrupted`) or `exit()` inside `fn`: not an item's
                        // failure but the end of the whole run.
                        state.stop(error)
                        break
                    }
                }
                lock.leave()
                finished.leave()
            }
            thread.stackSize = workerStackSize
            thread.start()
        }
        // A worker calling `parallel` holds the lock: let its own workers have it meanwhile.
        InterpreterLock.releasing { finished.wait() }
        if let abort = state.abort { throw abort }
        return state.results.map { $0 ?? .failure(ScriptError(code: ErrorCode.valueError, message: "not run")) }
    }

    /// What the workers share; read and written only under the run's `InterpreterLock`.
    private final class RunState: @unchecked Sendable {
        var results: [Result<Value, ScriptError>?]
        /// What ended the run early, if anything: the first such error.
        private(set) var abort: (any Error)?
        private var nextIndex = 0

        init(count: Int) {
            results = Array(repeating: nil, count: count)
        }

        func stop(_ error: any Error) {
            if abort == nil { abort = error }
        }

        func next() -> Int? {
            guard abort == nil, nextIndex < results.count else { return nil }
            defer { nextIndex += 1 }
            return nextIndex
        }
    }
}
