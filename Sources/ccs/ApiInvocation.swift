import CloudControl
import Foundation
import JSONCore

/// Decodes the JSON input of one operation, checks it against the service model, calls it
/// and returns the output as the document the AWS CLI prints; with `paginate`, the two list
/// operations follow every page.
struct ApiInvocation {
    let service: CloudControlService
    let paginate: Bool

    func run(_ operation: APIOperation, json: String) throws -> JSONValue {
        switch operation {
        case .createResource:
            // DesiredState may name a file, by the same rule against AWS and with --local.
            return try call(CreateResourceInput.self, json) { try service.createResource($0.resolvingDesiredState()) }
        case .getResource: return try call(GetResourceInput.self, json, service.getResource)
        case .updateResource: return try call(UpdateResourceInput.self, json, service.updateResource)
        case .deleteResource: return try call(DeleteResourceInput.self, json, service.deleteResource)
        case .getResourceRequestStatus:
            return try call(GetResourceRequestStatusInput.self, json, service.getResourceRequestStatus)
        case .cancelResourceRequest:
            return try call(CancelResourceRequestInput.self, json, service.cancelResourceRequest)
        case .listResources:
            guard paginate else { return try call(ListResourcesInput.self, json, service.listResources) }
            return try callEveryPage(ListResourcesInput.self, json, resultKey: "ResourceDescriptions")
        case .listResourceRequests:
            guard paginate else {
                return try call(ListResourceRequestsInput.self, json, service.listResourceRequests)
            }
            return try callEveryPage(
                ListResourceRequestsInput.self, json, resultKey: "ResourceRequestStatusSummaries")
        }
    }

    /// The input decoded and checked against the service model's rules here, not only in the
    /// HTTP client: `--local` calls the engine directly, and a parameter the endpoint path
    /// refuses as a usage error (MaxResults 500: exit 2) must not become a service error there.
    private func decode<Input: CloudControlInput>(_ type: Input.Type, _ json: String) throws -> Input {
        let input = try CloudControlWire.decodeCLIInput(type, json: json)
        try input.validate()
        return input
    }

    private func call<Input: CloudControlInput>(
        _ type: Input.Type, _ json: String, _ perform: (Input) throws -> Input.Output
    ) throws -> JSONValue {
        try CloudControlWire.documentForCLI(try perform(try decode(type, json)))
    }

    /// Every page merged into one output, as the AWS CLI's `--paginate`: the items of all pages
    /// in order, the other members of the first page, no NextToken. The paginator stops with
    /// `PaginationError` if the service repeats a NextToken. The items are gathered in one
    /// array owned here: appending through `pageItems` (a computed property over an optional)
    /// copied everything gathered so far on every page, which made 100,000 items quadratic.
    private func callEveryPage<Input: PaginatedInput>(_ type: Input.Type, _ json: String, resultKey: String)
        throws -> JSONValue
    {
        let paginator = Paginator(service: service, input: try decode(type, json))
        guard var merged = try paginator.nextPage() else {
            return try CloudControlWire.mergedPagesDocumentForCLI(
                try CloudControlWire.decodeOutput(Input.Output.self, body: []), resultKey: resultKey)
        }
        var items = merged.pageItems
        merged.pageItems = []
        while let page = try paginator.nextPage() {
            items.append(contentsOf: page.pageItems)
        }
        merged.pageItems = items
        return try CloudControlWire.mergedPagesDocumentForCLI(merged, resultKey: resultKey)
    }
}
