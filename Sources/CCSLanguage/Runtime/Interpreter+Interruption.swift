extension Interpreter {
    /// How many calls and loop iterations run between two looks at `interruption`: often
    /// enough that Ctrl-C stops a busy loop at once, rarely enough to cost nothing measurable.
    static let pollInterval = 1024

    /// Throws `ScriptInterrupted` when the host asked the evaluation to stop. Called at every
    /// function call and loop iteration; without an `interruption` it is one nil check.
    @inline(__always) func poll() throws {
        guard let interruption else { return }
        pollCountdown -= 1
        if pollCountdown > 0 { return }
        pollCountdown = Interpreter.pollInterval
        try interruption.check()
    }
}
