extension GlobalOptions {
    /// Subcommands that global options may precede (`ccs --region eu-west-3 api ...`).
    static let subcommandNames: Set<String> = ["api", "query", "serve", "run"]
    /// Global options that take a value (after `normalize` has split `--local=PATH`).
    static let valuedOptions: Set<String> = ["--profile", "--region", "--endpoint-url", "--local-db"]
    /// Global flags.
    static let flagOptions: Set<String> = ["--local", "--debug"]

    /// Moves a subcommand name that follows only global options to the front, so that
    /// `ccs --local=DB api GetResource ...` reaches `api` instead of the default `run`
    /// subcommand taking `api` for a script path. Anything else before it (a script path, `-e`,
    /// an unknown option) leaves the arguments as they are.
    static func hoistingSubcommand(_ arguments: [String]) -> [String] {
        var index = 0
        while index < arguments.count {
            let argument = arguments[index]
            if subcommandNames.contains(argument) {
                guard index > 0 else { return arguments }
                var result = arguments
                result.remove(at: index)
                result.insert(argument, at: 0)
                return result
            }
            if flagOptions.contains(argument) {
                index += 1
            } else if valuedOptions.contains(argument) {
                index += 2
            } else if let name = argument.split(separator: "=", maxSplits: 1).first,
                valuedOptions.contains(String(name)), argument.contains("=")
            {
                index += 1
            } else {
                return arguments
            }
        }
        return arguments
    }
}
