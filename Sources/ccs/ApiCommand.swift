import ArgumentParser

struct ApiCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "api")

    @OptionGroup var global: GlobalOptions

    func run() throws {
        throw ValidationError("'api' is being built")
    }
}
