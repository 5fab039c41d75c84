/// The process exit statuses of `ccs` when running scripts (documented in docs/CLI.md).
public enum ExitStatus {
    public static let success: Int32 = 0
    /// An uncaught runtime error (or a failed `assert`).
    public static let runtimeError: Int32 = 1
    /// Bad command-line usage (unknown option, missing file).
    public static let usage: Int32 = 2
    /// Syntax or name-resolution errors: nothing ran.
    public static let syntaxError: Int32 = 3
}
