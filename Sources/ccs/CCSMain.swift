import ArgumentParser

@main
enum CCSMain {
    static func main() {
        let arguments = Array(CommandLine.arguments.dropFirst())
        CCSCommand.main(GlobalOptions.normalize(arguments))
    }
}
