import ArgumentParser

struct QueryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "query")

    @OptionGroup var global: GlobalOptions

    func run() throws {
        throw ValidationError("'query' is being built")
    }
}
