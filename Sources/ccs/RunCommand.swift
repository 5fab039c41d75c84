import ArgumentParser

struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "run")

    @OptionGroup var global: GlobalOptions

    func run() throws {
        throw ValidationError("'run' is being built")
    }
}
