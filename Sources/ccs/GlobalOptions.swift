import ArgumentParser

/// Options every command accepts, before or after the subcommand name.
struct GlobalOptions: ParsableArguments {
    @Flag(name: .long, help: "Use the in-process emulator instead of AWS (--local=PATH picks its database).")
    var local = false

    @Option(name: .customLong("local-db"), help: .hidden)
    var localDatabase: String?

    @Option(name: .long, help: "The named profile from ~/.aws/config and ~/.aws/credentials.")
    var profile: String?

    @Option(name: .long, help: "The AWS region, e.g. eu-west-3.")
    var region: String?

    @Option(name: .customLong("endpoint-url"), help: "Send requests to this URL instead of the AWS endpoint.")
    var endpointURL: String?

    @Flag(name: .long, help: "Print the canonical request and the HTTP exchange to stderr (secrets redacted).")
    var debug = false

    /// ArgumentParser has no optional-value options, so `--local=PATH` is rewritten to
    /// `--local --local-db PATH` before parsing.
    static func normalize(_ arguments: [String]) -> [String] {
        var result: [String] = []
        for argument in arguments {
            if argument.hasPrefix("--local=") {
                result.append("--local")
                result.append("--local-db")
                result.append(String(argument.dropFirst("--local=".count)))
            } else {
                result.append(argument)
            }
            if argument == "--" { break }
        }
        if let separator = arguments.firstIndex(of: "--") {
            result.append(contentsOf: arguments[(separator + 1)...])
        }
        return hoistingSubcommand(result)
    }
}
