/// `--local` was given, but the in-process emulator is not wired into the command line yet.
struct LocalServiceUnavailableError: Error, CustomStringConvertible {
    var description: String {
        "--local is not available yet: the in-process emulator is not wired in; use --endpoint-url with a running `ccs serve` instead"
    }
}
