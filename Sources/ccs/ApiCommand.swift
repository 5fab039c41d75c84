import ArgumentParser
import CCSLanguage
import CloudControl
import Foundation
import JSONCore

/// `ccs api OPERATION [JSON] [--member-option VALUE ...]`: one call of the Cloud Control API,
/// its response printed as the AWS CLI prints it. OPERATION is named as in the API reference
/// (`ListResources`) or as the AWS CLI names its command (`list-resources`); the input is JSON,
/// AWS CLI options (`--type-name T`), or both (the options win). See docs/CLI.md, "ccs api",
/// for the output formats and the exit statuses.
struct ApiCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "api",
        abstract: "Call one Cloud Control API operation and print the response.",
        discussion: """
            OPERATION is one of: \(APIOperation.allCases.map(\.rawValue).sorted().joined(separator: ", ")), \
            or its AWS CLI name (list-resources, get-resource, ...).
            The input is JSON as in the API reference, AWS CLI options (--type-name, --identifier, ...), \
            or both (options override the JSON's members); with neither, JSON is read from stdin \
            when stdin is not a terminal.

            Examples:
              ccs api ListResources '{"TypeName": "AWS::Logs::LogGroup"}'
              ccs api list-resources --type-name AWS::Logs::LogGroup --paginate \\
                  --properties --query '$.ResourceDescriptions[*].Properties.LogGroupName'
              ccs api get-resource --type-name AWS::Logs::LogGroup --identifier app \\
                  --output yaml
              ccs --local api create-resource --type-name AWS::Logs::LogGroup \\
                  --desired-state '{"LogGroupName": "app"}'
            """)

    @OptionGroup var global: GlobalOptions

    @Argument(help: "The operation: ListResources or list-resources, GetResource or get-resource, ...")
    var operation: String?

    @Argument(help: "The input as JSON, e.g. '{\"TypeName\": \"AWS::Logs::LogGroup\"}'.")
    var input: String?

    @OptionGroup(title: "Input members (AWS CLI style)") var members: ApiMemberOptions

    @Flag(
        help:
            "Follow NextToken through every page (ListResources, ListResourceRequests) and print one merged result."
    )
    var paginate = false

    @Flag(help: "Print each Properties and ResourceModel as JSON, not as a string holding JSON.")
    var properties = false

    @Option(help: ArgumentHelp("Print only the nodes this RFC 9535 JSONPath selects, as one list.", valueName: "jsonpath"))
    var query: String?

    @Option(help: "The output format.")
    var output: ApiOutputFormat = .json

    func run() throws {
        do {
            let text = try execute()
            // Text a service or another account's user chose reaches the terminal escaped
            // (issue 16, F13); a pipe or a file gets the exact bytes.
            print(isatty(STDOUT_FILENO) == 1 ? TerminalText.escaped(text) : text)
        } catch {
            let failure = ApiFailure(error)
            let message = isatty(STDERR_FILENO) == 1 ? TerminalText.escaped(failure.message) : failure.message
            FileHandle.standardError.write(Data((message + "\n").utf8))
            throw ExitCode(failure.exitCode)
        }
    }

    /// Parses, calls and renders; every error is left to `ApiFailure` to classify.
    func execute() throws -> String {
        let operation = try resolveOperation()
        if paginate, operation != .listResources, operation != .listResourceRequests {
            throw ApiUsageError(
                message: "--paginate applies to ListResources and ListResourceRequests, not \(operation)")
        }
        let selection = try query.map { text in
            do {
                return try JSONPathQuery(text)
            } catch let error as JSONPathSyntaxError {
                throw ApiUsageError(message: QueryCommand.render(error, in: text, prefix: "--query"))
            }
        }
        let json = try inputJSON(for: operation)
        let service = try ServiceFactory.makeService(global)
        defer { service.close() }
        var document = try ApiInvocation(service: service, paginate: paginate).run(operation, json: json)
        if properties { document = ApiOutputFormat.expandingProperties(document) }
        if let selection { document = try ApiOutputFormat.select(selection, in: document) }
        return output.render(document)
    }

    func resolveOperation() throws -> APIOperation {
        let known = APIOperation.allCases.map(\.rawValue).sorted().joined(separator: ", ")
        guard let name = self.operation else {
            throw ApiUsageError(message: "missing OPERATION; expected one of \(known)")
        }
        if let operation = APIOperation(name: name) { return operation }
        if let operation = APIOperation.allCases.first(where: { Self.cliName(of: $0) == name }) { return operation }
        throw ApiUsageError(message: "unknown operation '\(name)'; expected one of \(known)")
    }

    /// `ListResources` → `list-resources`, the AWS CLI's command name.
    static func cliName(of operation: APIOperation) -> String {
        String(ApiMemberOptions.optionName(ofMember: operation.rawValue).dropFirst(2))
    }

    /// The JSON argument with the member options set in it; with neither, stdin when it is
    /// not a terminal, else `{}`. Stdin is not read when options give the input, so that
    /// `ccs api get-resource ...` in a `while read` loop leaves the loop's input alone.
    func inputJSON(for operation: APIOperation) throws -> String {
        let given = try members.given()
        if given.isEmpty { return try input ?? readStandardInput() }
        var object: JSONObject = [:]
        if let input, !input.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            guard case .object(let parsed) = try? JSONParser.parse(input) else {
                throw ApiUsageError(message: "the JSON input must be an object to combine it with member options")
            }
            object = parsed
        }
        let allowed = Self.inputMembers(of: operation)
        for (option, member, value) in given {
            guard allowed.contains(member) else {
                let options = allowed.map(ApiMemberOptions.optionName(ofMember:)).joined(separator: ", ")
                throw ApiUsageError(message: "\(option) does not apply to \(Self.cliName(of: operation)) (its options: \(options))")
            }
            object[member] = value
        }
        return JSONWriter().string(.object(object))
    }

    /// The members of an operation's input shape, in model order.
    static func inputMembers(of operation: APIOperation) -> [String] {
        let members: [String: [String]]
        switch operation {
        case .createResource: members = CreateResourceInput.wireMembers
        case .getResource: members = GetResourceInput.wireMembers
        case .updateResource: members = UpdateResourceInput.wireMembers
        case .deleteResource: members = DeleteResourceInput.wireMembers
        case .listResources: members = ListResourcesInput.wireMembers
        case .getResourceRequestStatus: members = GetResourceRequestStatusInput.wireMembers
        case .listResourceRequests: members = ListResourceRequestsInput.wireMembers
        case .cancelResourceRequest: members = CancelResourceRequestInput.wireMembers
        }
        return members[""] ?? []
    }

    func readStandardInput() throws -> String {
        guard isatty(FileHandle.standardInput.fileDescriptor) == 0 else { return "{}" }
        let data = FileHandle.standardInput.readDataToEndOfFile()
        guard let text = String(data: data, encoding: .utf8) else {
            throw ApiUsageError(message: "the input on stdin is not UTF-8 text")
        }
        return text
    }
}
