/// A usage error of `ccs api` found before any call: exits 2.
struct ApiUsageError: Error, CustomStringConvertible {
    let message: String

    var description: String { message }
}
