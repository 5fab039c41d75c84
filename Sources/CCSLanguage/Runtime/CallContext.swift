/// What a built-in receives besides its arguments: the interpreter, to call back into
/// script functions, write output and read host settings, and the location of the call.
public struct CallContext {
    public let interpreter: Interpreter
    /// Where the call is in the script (errors thrown by the built-in point here).
    public let location: SourceLocation

    /// Calls a function value (a script closure or a built-in) with the given arguments.
    public func call(_ function: Value, _ arguments: [Value]) throws -> Value {
        try interpreter.call(function, arguments, at: location)
    }

    /// The host: output stream, environment, command-line arguments, stdlib folders.
    public var host: ScriptHost { interpreter.host }

    /// A TypeError naming the built-in and the offending argument.
    public func typeError(_ function: String, _ position: Int, expected: String, got value: Value) -> ScriptError {
        ScriptError(code: ErrorCode.typeError,
                    message: "bad argument #\(position) to '\(function)' (\(expected) expected, got \(value.typeName))")
    }
}
