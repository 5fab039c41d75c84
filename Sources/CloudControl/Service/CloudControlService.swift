/// The eight operations of the AWS Cloud Control API (2021-09-30). Two conformers: the HTTP
/// client and the emulator's engine; paginators and the waiter are written once against it.
public protocol CloudControlService: AnyObject {
    func createResource(_ input: CreateResourceInput) throws -> CreateResourceOutput
    func getResource(_ input: GetResourceInput) throws -> GetResourceOutput
    func updateResource(_ input: UpdateResourceInput) throws -> UpdateResourceOutput
    func deleteResource(_ input: DeleteResourceInput) throws -> DeleteResourceOutput
    func listResources(_ input: ListResourcesInput) throws -> ListResourcesOutput
    func getResourceRequestStatus(_ input: GetResourceRequestStatusInput) throws -> GetResourceRequestStatusOutput
    func listResourceRequests(_ input: ListResourceRequestsInput) throws -> ListResourceRequestsOutput
    func cancelResourceRequest(_ input: CancelResourceRequestInput) throws -> CancelResourceRequestOutput
    func close()
}
