import ArgumentParser
import JSONCore
import ResourceSchemas

/// The input members of `ccs api` as AWS CLI options (`--type-name T --identifier X`), beside
/// the JSON form. Each option is the kebab-case of one member of the API reference; which of
/// them an operation takes is its input shape's (`CloudControlInput.wireMembers`).
struct ApiMemberOptions: ParsableArguments {
    @Option(
        name: .customLong("type-name"), help: "TypeName, e.g. AWS::Logs::LogGroup.",
        completion: .custom { _, _, prefix in ApiMemberOptions.completableTypeNames().filter { $0.hasPrefix(prefix) } })
    var typeName: String?

    @Option(name: .customLong("identifier"), help: "Identifier (GetResource, UpdateResource, DeleteResource).")
    var identifier: String?

    @Option(
        name: .customLong("desired-state"),
        help: "DesiredState (CreateResource): the JSON text, or the path of a file holding it.",
        completion: .file(extensions: ["json"]))
    var desiredState: String?

    @Option(name: .customLong("patch-document"), help: "PatchDocument (UpdateResource): an RFC 6902 JSON Patch.")
    var patchDocument: String?

    @Option(name: .customLong("resource-model"), help: "ResourceModel (ListResources): the parent's properties as JSON.")
    var resourceModel: String?

    @Option(name: .customLong("request-token"), help: "RequestToken (GetResourceRequestStatus, CancelResourceRequest).")
    var requestToken: String?

    @Option(name: .customLong("client-token"), help: "ClientToken (a random UUID when omitted).")
    var clientToken: String?

    @Option(name: .customLong("type-version-id"), help: .hidden)
    var typeVersionId: String?

    @Option(name: .customLong("role-arn"), help: "RoleArn: the IAM role the service assumes.")
    var roleArn: String?

    @Option(name: .customLong("next-token"), help: "NextToken (ListResources, ListResourceRequests).")
    var nextToken: String?

    @Option(name: .customLong("max-results"), help: "MaxResults, 1 to 100.")
    var maxResults: Int?

    @Option(
        name: .customLong("resource-request-status-filter"),
        help: "ResourceRequestStatusFilter (ListResourceRequests) as JSON, e.g. '{\"OperationStatuses\": [\"FAILED\"]}'.")
    var resourceRequestStatusFilter: String?

    /// The members given, as (option, wire name, value), in the order above.
    func given() throws -> [(option: String, member: String, value: JSONValue)] {
        var members: [(String, String, JSONValue)] = []
        func add(_ option: String, _ member: String, _ value: String?) {
            if let value { members.append((option, member, .string(value))) }
        }
        add("--type-name", "TypeName", typeName)
        add("--type-version-id", "TypeVersionId", typeVersionId)
        add("--role-arn", "RoleArn", roleArn)
        add("--identifier", "Identifier", identifier)
        add("--client-token", "ClientToken", clientToken)
        add("--desired-state", "DesiredState", desiredState)
        add("--patch-document", "PatchDocument", patchDocument)
        add("--resource-model", "ResourceModel", resourceModel)
        add("--request-token", "RequestToken", requestToken)
        add("--next-token", "NextToken", nextToken)
        if let maxResults { members.append(("--max-results", "MaxResults", .int(maxResults))) }
        if let filter = resourceRequestStatusFilter {
            do {
                members.append(("--resource-request-status-filter", "ResourceRequestStatusFilter", try JSONParser.parse(filter)))
            } catch {
                throw ApiUsageError(message: "--resource-request-status-filter is not JSON: \(error)")
            }
        }
        return members
    }

    /// `Member` → `--member`, `TypeVersionId` → `--type-version-id`.
    static func optionName(ofMember member: String) -> String {
        var option = "-"
        for character in member {
            if character.isUppercase { option += "-" }
            option += character.lowercased()
        }
        return option
    }

    /// The shipped type names (the registry reads them from one list file, so this is fast
    /// enough for a shell's Tab).
    static func completableTypeNames() -> [String] {
        (try? SchemaRegistry(includeShipped: true).types()) ?? []
    }
}
