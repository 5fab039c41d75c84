import ArgumentParser

/// The root command. `ccs FILE.ccs`, `ccs -e CODE` and the REPL go to `RunCommand` (the
/// default); `api`, `query` and `serve` are subcommands.
struct CCSCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ccs",
        abstract: "Cloud Control Script: a scripting language, REPL and CLI for the AWS Cloud Control API.",
        version: CCSVersion.string,
        subcommands: [RunCommand.self, ApiCommand.self, QueryCommand.self, ServeCommand.self],
        defaultSubcommand: RunCommand.self
    )
}
