import ArgumentParser

/// The root command. `ccs FILE.ccs`, `ccs -e CODE` and the REPL go to `RunCommand` (the
/// default); `api`, `query`, `serve` and `lsp` are subcommands.
struct CCSCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ccs",
        abstract: "Cloud Control Script: a scripting language, REPL and CLI for the AWS Cloud Control API.",
        usage: """
            ccs [--local[=DB]] [--profile P] [--region R] [--endpoint-url URL] [FILE.ccs | -e CODE | -] [ARGS...]
              ccs <subcommand> [options]
            """,
        discussion: """
            Modes:
              ccs                          the REPL at a terminal (:help inside)
              ccs FILE.ccs [ARGS...]       run a script; ARGS become the list `args`
              ccs -e 'CODE' [ARGS...]      evaluate CODE, print its last value unless null
              ccs - [ARGS...]              run the script read from stdin
              ccs api OPERATION ...        call one Cloud Control API operation
              ccs query PATH [FILE|-]      apply an RFC 9535 JSONPath to JSON
              ccs serve [options]          the local emulator over HTTP
              ccs lsp                      the language server for editors (stdio)

            The global options (--local, --profile, --region, --endpoint-url, --schemas, --debug) \
            go before the script's name; `ccs run --help` lists them.
            With --local (or --local=DB), everything talks to the in-process emulator instead of AWS.

            Examples:
              ccs --local -e 'count(list("AWS::Logs::LogGroup"))'
              ccs --region eu-west-3 scripts/inventory-report.ccs --format csv
              ccs api list-resources --type-name AWS::Logs::LogGroup --output table
              ccs query '$.Tags[*].Key' props.json
              ccs serve --port 4599 --db /tmp/cc.sqlite
              ccs --generate-completion-script bash > /etc/bash_completion.d/ccs

            Exit status: 0 success, 1 runtime error, 2 usage error, 3 syntax error, \
            253/254/255 configuration, service and transport errors (docs/CLI.md, "Exit codes").
            """,
        version: CCSVersion.string,
        subcommands: [RunCommand.self, ApiCommand.self, QueryCommand.self, ServeCommand.self, LSPCommand.self],
        defaultSubcommand: RunCommand.self
    )
}
