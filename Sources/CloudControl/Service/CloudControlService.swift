/// The eight operations of the AWS Cloud Control API (2021-09-30).
///
/// Two conformers exist: `CloudControlClient`, which sends each call over HTTP to AWS or to
/// `ccs serve`, and the emulator's engine (`CloudControlLocal`), which answers in-process. The
/// paginators and the waiter are written once against this protocol, so they behave the same
/// on both. Calls block the calling thread; conformers are safe to call from several threads.
public protocol CloudControlService: AnyObject {
    func createResource(_ input: CreateResourceInput) throws -> CreateResourceOutput
    func getResource(_ input: GetResourceInput) throws -> GetResourceOutput
    func updateResource(_ input: UpdateResourceInput) throws -> UpdateResourceOutput
    func deleteResource(_ input: DeleteResourceInput) throws -> DeleteResourceOutput
    func listResources(_ input: ListResourcesInput) throws -> ListResourcesOutput
    func getResourceRequestStatus(_ input: GetResourceRequestStatusInput) throws -> GetResourceRequestStatusOutput
    func listResourceRequests(_ input: ListResourceRequestsInput) throws -> ListResourceRequestsOutput
    func cancelResourceRequest(_ input: CancelResourceRequestInput) throws -> CancelResourceRequestOutput
    /// Releases connections and other resources. Further calls may reopen them.
    func close()
}
