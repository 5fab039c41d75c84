import Foundation

extension CallContext {
    /// Throws `ScriptInterrupted` if the host asked the evaluation to stop (Ctrl-C at the
    /// REPL). Built-ins that loop for long (paging, polling) call it between steps.
    public func checkInterrupted() throws {
        try interpreter.interruption?.check()
    }

    /// Pauses for `seconds`; when the host asks the evaluation to stop meanwhile, returns
    /// early by throwing `ScriptInterrupted`. Built-ins that wait (`sleep`, `wait`) use this
    /// instead of `Thread.sleep` so Ctrl-C at the REPL is honoured at once.
    public func sleep(seconds: Double) throws {
        host.output.flush()
        // Inside `parallel` other workers run script code meanwhile.
        try InterpreterLock.releasing {
            if let interruption = interpreter.interruption {
                try interruption.sleep(seconds: seconds)
            } else if seconds > 0 {
                Foundation.Thread.sleep(forTimeInterval: seconds)
            }
        }
    }
}
