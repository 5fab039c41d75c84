import Foundation

@testable import CloudControl

/// A `CloudControlService` for the pure logic of paginators and the waiter: it serves scripted
/// pages (keyed by the NextToken asked for) and scripted status results, and records every
/// call. The client end to end is tested against a real loopback server elsewhere.
final class ScriptedService: CloudControlService {
    struct Unscripted: Error, CustomStringConvertible {
        var call: String
        var description: String { "no scripted response for \(call)" }
    }

    /// ListResources pages by the NextToken of the request ("" for the first page).
    var resourcePages: [String: Result<ListResourcesOutput, CloudControlError>] = [:]
    /// ListResourceRequests pages by the NextToken of the request ("" for the first page).
    var requestPages: [String: ListResourceRequestsOutput] = [:]
    /// GetResourceRequestStatus results, served in order.
    var statusResults: [Result<GetResourceRequestStatusOutput, CloudControlError>] = []

    private(set) var listResourcesCalls: [ListResourcesInput] = []
    private(set) var listResourceRequestsCalls: [ListResourceRequestsInput] = []
    private(set) var statusCalls: [GetResourceRequestStatusInput] = []

    func listResources(_ input: ListResourcesInput) throws -> ListResourcesOutput {
        listResourcesCalls.append(input)
        guard let page = resourcePages[input.nextToken ?? ""] else {
            throw Unscripted(call: "ListResources \(input)")
        }
        return try page.get()
    }

    func listResourceRequests(_ input: ListResourceRequestsInput) throws -> ListResourceRequestsOutput {
        listResourceRequestsCalls.append(input)
        guard let page = requestPages[input.nextToken ?? ""] else {
            throw Unscripted(call: "ListResourceRequests \(input)")
        }
        return page
    }

    func getResourceRequestStatus(_ input: GetResourceRequestStatusInput) throws
        -> GetResourceRequestStatusOutput
    {
        statusCalls.append(input)
        guard !statusResults.isEmpty else { throw Unscripted(call: "GetResourceRequestStatus") }
        return try statusResults.removeFirst().get()
    }

    func createResource(_ input: CreateResourceInput) throws -> CreateResourceOutput {
        throw Unscripted(call: "CreateResource")
    }

    func getResource(_ input: GetResourceInput) throws -> GetResourceOutput {
        throw Unscripted(call: "GetResource")
    }

    func updateResource(_ input: UpdateResourceInput) throws -> UpdateResourceOutput {
        throw Unscripted(call: "UpdateResource")
    }

    func deleteResource(_ input: DeleteResourceInput) throws -> DeleteResourceOutput {
        throw Unscripted(call: "DeleteResource")
    }

    func cancelResourceRequest(_ input: CancelResourceRequestInput) throws -> CancelResourceRequestOutput {
        throw Unscripted(call: "CancelResourceRequest")
    }

    func close() {}
}
