import CloudControl
import Foundation

/// Decodes the JSON input of one operation, calls it and renders the output as `ccs api`
/// prints it; with `paginate`, the two list operations follow every page.
struct ApiInvocation {
    let service: CloudControlService
    let paginate: Bool

    func run(_ operation: APIOperation, json: String) throws -> String {
        switch operation {
        case .createResource: return try call(CreateResourceInput.self, json, service.createResource)
        case .getResource: return try call(GetResourceInput.self, json, service.getResource)
        case .updateResource: return try call(UpdateResourceInput.self, json, service.updateResource)
        case .deleteResource: return try call(DeleteResourceInput.self, json, service.deleteResource)
        case .getResourceRequestStatus: return try call(GetResourceRequestStatusInput.self, json, service.getResourceRequestStatus)
        case .cancelResourceRequest: return try call(CancelResourceRequestInput.self, json, service.cancelResourceRequest)
        case .listResources:
            return try call(ListResourcesInput.self, json, paginate ? allResources : service.listResources)
        case .listResourceRequests:
            return try call(ListResourceRequestsInput.self, json, paginate ? allResourceRequests : service.listResourceRequests)
        }
    }

    private func call<Input: CloudControlInput>(_ type: Input.Type, _ json: String, _ perform: (Input) throws -> Input.Output) throws -> String {
        let input = try CloudControlWire.decodeCLIInput(type, json: json)
        return try CloudControlWire.renderForCLI(try perform(input))
    }

    /// Every page of ListResources merged into one output (the AWS CLI's `--paginate`
    /// behaviour: the list concatenated, no NextToken).
    private func allResources(_ input: ListResourcesInput) throws -> ListResourcesOutput {
        var request = input
        var merged = ListResourcesOutput(typeName: nil, resourceDescriptions: [], nextToken: nil)
        var seenTokens: Set<String> = []
        while true {
            let page = try service.listResources(request)
            merged.typeName = merged.typeName ?? page.typeName
            merged.resourceDescriptions?.append(contentsOf: page.resourceDescriptions ?? [])
            guard let next = page.nextToken, !next.isEmpty else { return merged }
            // A service that hands out the same token twice would loop forever.
            guard seenTokens.insert(next).inserted else { throw RepeatedPageTokenError(operation: .listResources, token: next) }
            request.nextToken = next
        }
    }

    /// Every page of ListResourceRequests merged into one output.
    private func allResourceRequests(_ input: ListResourceRequestsInput) throws -> ListResourceRequestsOutput {
        var request = input
        var merged = ListResourceRequestsOutput(resourceRequestStatusSummaries: [], nextToken: nil)
        var seenTokens: Set<String> = []
        while true {
            let page = try service.listResourceRequests(request)
            merged.resourceRequestStatusSummaries?.append(contentsOf: page.resourceRequestStatusSummaries ?? [])
            guard let next = page.nextToken, !next.isEmpty else { return merged }
            guard seenTokens.insert(next).inserted else { throw RepeatedPageTokenError(operation: .listResourceRequests, token: next) }
            request.nextToken = next
        }
    }
}
