extension Interpreter {
    /// How many calls and loop iterations run between two looks at `interruption`: often
    /// enough that Ctrl-C stops a busy loop at once, rarely enough to cost nothing measurable.
    static let pollInterval = 1024

    /// Throws `ScriptInterrupted` when the host asked the evaluation to stop. Called at every
    /// function call and loop iteration: a decrement and a compare, reading `interruption`
    /// (a reference, which would be retained and released) only once every `pollInterval`
    /// polls. Every `ccs FILE` run has an interruption now (SIGINT and SIGTERM, issue 11), so
    /// this is the path every script takes.
    @inline(__always) func poll() throws {
        pollCountdown -= 1
        if pollCountdown > 0 { return }
        pollCountdown = Interpreter.pollInterval
        try interruption?.check()
    }
}

extension Interpreter {
    /// The error `catch e` sees for an interruption by a signal: code "Interrupted", the
    /// signal's name in the message and in `e.signal`. Remembers the signal, so that the run
    /// ends with its exit status (128 + signal) if the error is rethrown to the top.
    func interruptedError(_ interrupted: ScriptInterrupted, at location: SourceLocation) -> ScriptError {
        let name = ScriptSignals.name(of: interrupted.signal)
        interruptedBy = interrupted.signal
        var failure = error(ErrorCode.interrupted, "interrupted by \(name)", at: location)
        failure.value = .map(MapBox(["signal": .string(name)]))
        return failure
    }
}
