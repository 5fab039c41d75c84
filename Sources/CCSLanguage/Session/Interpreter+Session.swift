extension Interpreter {
    /// Runs a program resolved against a session's scope in the session's frame (which the
    /// caller has grown to `program.frameSize`); returns the value of its last top-level
    /// expression statement.
    func runInSession(_ program: Program, frame sessionFrame: Frame) throws -> Value {
        keepAlive.append(program.source)
        let savedFrame = frameRef
        let savedSource = sourceRef
        let savedLocals = locals
        let savedOuter = outerRef
        let savedOuterSlots = outerSlots
        frameRef = Unmanaged.passUnretained(sessionFrame)
        // Read after the caller grew the frame: growing moves the slots.
        locals = sessionFrame.slots
        outerRef = nil
        outerSlots = nil
        sourceRef = Unmanaged.passUnretained(program.source)
        lastValue = .null
        pollCountdown = 0
        defer {
            frameRef = savedFrame
            locals = savedLocals
            outerRef = savedOuter
            outerSlots = savedOuterSlots
            sourceRef = savedSource
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
