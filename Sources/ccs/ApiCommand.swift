import ArgumentParser
import CloudControl
import Foundation

/// `ccs api OPERATION [JSON]`: one call of the Cloud Control API, its response printed as the
/// AWS CLI prints it. See docs/CLI.md, "ccs api", for the exit statuses.
struct ApiCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "api",
        abstract: "Call one Cloud Control API operation and print the response as JSON.",
        discussion: """
            OPERATION is one of: \(APIOperation.allCases.map(\.rawValue).sorted().joined(separator: ", ")).
            JSON is the operation's input as in the API reference; when omitted it is read from stdin \
            (if stdin is not a terminal).
            """)

    @OptionGroup var global: GlobalOptions

    @Argument(help: "The operation, named as in the API reference (e.g. ListResources).")
    var operation: String?

    @Argument(help: "The input as JSON, e.g. '{\"TypeName\": \"AWS::Logs::LogGroup\"}'.")
    var input: String?

    @Flag(
        help:
            "Follow NextToken through every page (ListResources, ListResourceRequests) and print one merged result."
    )
    var paginate = false

    func run() throws {
        do {
            let output = try execute()
            print(output)
        } catch {
            let failure = ApiFailure(error)
            FileHandle.standardError.write(Data((failure.message + "\n").utf8))
            throw ExitCode(failure.exitCode)
        }
    }

    /// Parses, calls and renders; every error is left to `ApiFailure` to classify.
    func execute() throws -> String {
        let known = APIOperation.allCases.map(\.rawValue).sorted().joined(separator: ", ")
        guard let name = self.operation else {
            throw ApiUsageError(message: "missing OPERATION; expected one of \(known)")
        }
        guard let operation = APIOperation(name: name) else {
            throw ApiUsageError(message: "unknown operation '\(name)'; expected one of \(known)")
        }
        if paginate, operation != .listResources, operation != .listResourceRequests {
            throw ApiUsageError(
                message: "--paginate applies to ListResources and ListResourceRequests, not \(operation)")
        }
        let json = try readInput()
        let service = try ServiceFactory.makeService(global)
        defer { service.close() }
        return try ApiInvocation(service: service, paginate: paginate).run(operation, json: json)
    }

    /// The JSON argument, else stdin when it is not a terminal, else `{}`.
    func readInput() throws -> String {
        if let input { return input }
        guard isatty(FileHandle.standardInput.fileDescriptor) == 0 else { return "{}" }
        let data = FileHandle.standardInput.readDataToEndOfFile()
        guard let text = String(data: data, encoding: .utf8) else {
            throw ApiUsageError(message: "the input on stdin is not UTF-8 text")
        }
        return text
    }
}
