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

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Load further resource type schemas (*.json) from this folder (repeatable; also CCS_SCHEMAS and the profile's ccs_schemas).",
            valueName: "dir"))
    var schemas: [String] = []

    @Flag(name: .long, help: "Print the canonical request and the HTTP exchange to stderr (secrets redacted).")
    var debug = false

    @Option(
        name: .customLong("cli-connect-timeout"),
        help: ArgumentHelp(
            "Seconds to wait for a connection (default 10; 0 waits for ever; also the profile's cli_connect_timeout).",
            valueName: "s"))
    var connectTimeout: Double?

    @Option(
        name: .customLong("cli-read-timeout"),
        help: ArgumentHelp(
            "Seconds a response may send nothing before the attempt fails (default 60; 0 waits for ever; also the profile's cli_read_timeout).",
            valueName: "s"))
    var readTimeout: Double?

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
        return subcommandFirst(result)
    }

    /// Global options given before the subcommand's name (`ccs --local api ...`) are moved
    /// after it. The root command has a default subcommand (run), so ArgumentParser would
    /// otherwise hand `api` to it as a script path.
    static func subcommandFirst(_ arguments: [String]) -> [String] {
        let subcommands = Set(CCSCommand.configuration.subcommands.map { $0._commandName })
        var index = 0
        while index < arguments.count {
            let argument = arguments[index]
            if subcommands.contains(argument) {
                guard index > 0 else { return arguments }
                return [argument] + arguments[..<index] + arguments[(index + 1)...]
            }
            let name = argument.split(separator: "=", maxSplits: 1).first.map(String.init) ?? argument
            if flagNames.contains(argument) || (argument.contains("=") && valuedNames.contains(name)) {
                index += 1
            } else if valuedNames.contains(argument) {
                index += 2
            } else {
                return arguments
            }
        }
        return arguments
    }

    private static let flagNames: Set<String> = ["--local", "--debug"]
    private static let valuedNames: Set<String> = [
        "--local-db", "--profile", "--region", "--endpoint-url", "--schemas", "--cli-connect-timeout",
        "--cli-read-timeout",
    ]
}
