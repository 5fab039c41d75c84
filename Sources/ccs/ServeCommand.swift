import ArgumentParser

struct ServeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "serve")

    @OptionGroup var global: GlobalOptions

    func run() throws {
        throw ValidationError("'serve' is being built")
    }
}
