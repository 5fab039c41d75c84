/// The version of ccs, shown by `--version` and sent in the User-Agent.
enum CCSVersion {
    static let string = "0.1.0"
}
