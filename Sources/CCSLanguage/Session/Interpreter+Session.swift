extension Interpreter {
    /// Runs a program resolved against a session's scope in the session's frame (which the
    /// caller has grown to `program.frameSize`); returns the value of its last top-level
    /// expression statement.
    func runInSession(_ program: Program, frame sessionFrame: Frame) throws -> Value {
        // A new input starts a new count towards the next interruption poll.
        pollCountdown = 0
        return try runTopLevel(program, in: sessionFrame)
    }
}
