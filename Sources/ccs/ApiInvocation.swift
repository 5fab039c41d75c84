import CloudControl
import Foundation

/// Decodes the JSON input of one operation, calls it and renders the output as `ccs api`
/// prints it; with `paginate`, the two list operations follow every page.
struct ApiInvocation {
    let service: CloudControlService
    let paginate: Bool

    func run(_ operation: APIOperation, json: String) throws -> String {
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

    private func call<Input: CloudControlInput>(
        _ type: Input.Type, _ json: String, _ perform: (Input) throws -> Input.Output
    ) throws -> String {
        let input = try CloudControlWire.decodeCLIInput(type, json: json)
        return try CloudControlWire.renderForCLI(try perform(input))
    }

    /// Every page merged into one output, as the AWS CLI's `--paginate`: the items of all pages
    /// in order, the other members of the first page, no NextToken. The paginator stops with
    /// `PaginationError` if the service repeats a NextToken.
    private func callEveryPage<Input: PaginatedInput>(_ type: Input.Type, _ json: String, resultKey: String)
        throws -> String
    {
        let input = try CloudControlWire.decodeCLIInput(type, json: json)
        let paginator = Paginator(service: service, input: input)
        guard var merged = try paginator.nextPage() else {
            return try CloudControlWire.renderMergedPagesForCLI(
                try CloudControlWire.decodeOutput(Input.Output.self, body: []), resultKey: resultKey)
        }
        while let page = try paginator.nextPage() {
            merged.pageItems += page.pageItems
        }
        return try CloudControlWire.renderMergedPagesForCLI(merged, resultKey: resultKey)
    }
}
