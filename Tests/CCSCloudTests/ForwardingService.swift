import CloudControl

/// A service that forwards every operation to `inner`. Test wrappers subclass it and
/// override only the operation whose behaviour they change (a throttled create, a failing
/// poll, a list that needs a parent key), so each states just its difference.
class ForwardingService: CloudControlService {
    let inner: CloudControlService
    init(_ inner: CloudControlService) { self.inner = inner }

    func createResource(_ input: CreateResourceInput) throws -> CreateResourceOutput {
        try inner.createResource(input)
    }
    func getResource(_ input: GetResourceInput) throws -> GetResourceOutput { try inner.getResource(input) }
    func updateResource(_ input: UpdateResourceInput) throws -> UpdateResourceOutput {
        try inner.updateResource(input)
    }
    func deleteResource(_ input: DeleteResourceInput) throws -> DeleteResourceOutput {
        try inner.deleteResource(input)
    }
    func listResources(_ input: ListResourcesInput) throws -> ListResourcesOutput {
        try inner.listResources(input)
    }
    func getResourceRequestStatus(_ input: GetResourceRequestStatusInput) throws
        -> GetResourceRequestStatusOutput
    {
        try inner.getResourceRequestStatus(input)
    }
    func listResourceRequests(_ input: ListResourceRequestsInput) throws -> ListResourceRequestsOutput {
        try inner.listResourceRequests(input)
    }
    func cancelResourceRequest(_ input: CancelResourceRequestInput) throws -> CancelResourceRequestOutput {
        try inner.cancelResourceRequest(input)
    }
    func close() { inner.close() }
}
