import Foundation

/// Runs work on a thread with a large stack. The interpreter is a tree-walker, so script
/// recursion is Swift recursion: a generous stack plus `Interpreter.maxCallDepth` turns deep
/// recursion into a catchable "stack overflow" error instead of a crash.
public enum LargeStack {
    /// 1 GiB of address space: only the pages actually touched are committed.
    public static let defaultSize = 1 << 30

    final class ResultBox<T> {
        var value: T?
    }

    /// Runs `body` on a fresh thread with `size` bytes of stack and waits for it.
    public static func run<T>(size: Int = defaultSize, _ body: @escaping () -> T) -> T {
        let box = ResultBox<T>()
        let done = DispatchSemaphore(value: 0)
        let thread = Thread {
            box.value = body()
            done.signal()
        }
        thread.stackSize = size
        thread.start()
        done.wait()
        guard let value = box.value else { preconditionFailure("LargeStack: the worker thread produced no result") }
        return value
    }
}
