/// A runtime error: raised by the interpreter (type errors, missing keys...), by a built-in,
/// or by `throw` in a script. Catchable with `try / catch`; `catch e` sees it as an error
/// value with `code`, `message`, `line`, `column`, `file`, `stack` and `value`.
public struct ScriptError: Error {
    /// A short machine-readable code, e.g. "TypeError" or "ResourceNotFoundException".
    public var code: String
    public var message: String
    /// The value given to `throw` (nil for errors raised by the runtime).
    public var value: Value?
    /// Where the error was raised; filled in by the interpreter when a built-in leaves it nil.
    public var location: SourceLocation?
    public var file: String?
    /// Script frames the error has unwound through, innermost first.
    public var trace: [TraceEntry] {
        get {
            guard let traceStorage else { return [] }
            return traceStorage.entries.count == traceCount
                ? traceStorage.entries : Array(traceStorage.entries.prefix(traceCount))
        }
        set {
            traceStorage = newValue.isEmpty ? nil : TraceStorage(newValue)
            traceCount = newValue.count
        }
    }
    /// The trace's frames live in a shared buffer that only grows: this error's trace is its
    /// first `traceCount` entries. An error unwinds by being caught, given a frame and thrown
    /// again at every level, and each catch holds a second copy of the error for a moment,
    /// so an array stored here would be copied whole at each level, which made unwinding
    /// n frames cost n² (issue 16, F15). `appendTrace` adds in place when this copy is the
    /// one that grew the buffer last, and starts a buffer of its own otherwise, so copies
    /// still never see each other's frames.
    private var traceStorage: TraceStorage?
    private var traceCount = 0
    /// The source the error was raised in (for quoting the line).
    var source: SourceFile?
    /// While unwinding: where the frame being left was (its call site in the caller).
    var pendingLocation: SourceLocation?
    var pendingFile: String?

    /// An error for a built-in to throw; the interpreter adds the location of the call.
    public init(code: String, message: String, value: Value? = nil) {
        self.code = code
        self.message = message
        self.value = value
    }
}

extension ScriptError {
    /// Adds the frame the error is leaving (outermost last).
    mutating func appendTrace(_ entry: TraceEntry) {
        if let traceStorage, traceStorage.entries.count == traceCount {
            traceStorage.entries.append(entry)
        } else {
            var entries = trace
            entries.append(entry)
            traceStorage = TraceStorage(entries)
        }
        traceCount += 1
    }
}

/// The growing buffer behind `ScriptError.trace`.
final class TraceStorage {
    var entries: [TraceEntry]
    init(_ entries: [TraceEntry]) { self.entries = entries }
}

/// One line of a stack trace: the function that was running and where it was.
public struct TraceEntry: Equatable {
    public var function: String
    public var file: String
    public var location: SourceLocation
}

/// The codes of errors the language itself raises.
public enum ErrorCode {
    public static let typeError = "TypeError"
    public static let keyError = "KeyError"
    public static let indexError = "IndexError"
    public static let divisionByZero = "DivisionByZero"
    public static let notCallable = "NotCallable"
    public static let arityError = "ArityError"
    public static let stackOverflow = "StackOverflow"
    public static let assertionError = "AssertionError"
    public static let valueError = "ValueError"
    public static let ioError = "IOError"
    public static let importError = "ImportError"
    public static let jsonError = "JSONError"
    public static let pathError = "JSONPathError"
    /// A wait that ran out of time (`run`'s timeout).
    public static let timeout = "Timeout"
    /// SIGINT or SIGTERM arrived while the script ran.
    public static let interrupted = "Interrupted"
    /// Values thrown by `throw` that carry no code of their own.
    public static let thrown = "Error"
}

/// `exit(code)`: not an error and not catchable; unwinds to the host.
public struct ScriptExit: Error {
    public var status: Int32
}
