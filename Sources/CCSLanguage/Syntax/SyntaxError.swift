/// An error found before running: while lexing, parsing or resolving names.
public struct SyntaxError: Error, Equatable {
    public var message: String
    public var location: SourceLocation
    public init(_ message: String, at location: SourceLocation) {
        self.message = message
        self.location = location
    }
}

/// All the compile-time errors of one source, in source order (the parser recovers and keeps
/// going, so one run reports several).
public struct CompileErrors: Error {
    public var file: String
    public var errors: [SyntaxError]
    /// The text the errors point into (for quoting lines).
    public var source: SourceFile
}
