extension Interpreter {
    /// Runs a program resolved against a session's scope in the session's frame (which the
    /// caller has grown to `program.frameSize`); returns the value of its last top-level
    /// expression statement.
    func runInSession(_ program: Program, frame sessionFrame: Frame) throws -> Value {
        keepAlive.append(program.source)
        let savedFrame = frame
        let savedSource = source
        let savedLocals = locals
        let savedOuter = outer
        frame = sessionFrame
        // Read after the caller grew the frame: growing moves the slots.
        locals = sessionFrame.slots
        outer = nil
        source = program.source
        lastValue = .null
        pollCountdown = 0
        defer {
            frame = savedFrame
            locals = savedLocals
            outer = savedOuter
            source = savedSource
        }
        do {
            for statement in program.statements {
                _ = try statement.exec(self)
            }
        } catch var error as ScriptError {
            if error.location == nil {
                error.location = program.statements.first?.location
                error.file = program.source.name
                error.source = program.source
            }
            throw error
        }
        return lastValue
    }
}
