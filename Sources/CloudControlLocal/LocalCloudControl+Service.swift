import CloudControl
import Foundation

/// The engine behind the same protocol as the HTTP client, so `--local` runs in-process and
/// `ccs serve` only decodes, calls and encodes.
///
/// Inputs are first checked against the service model's constraints (lengths, patterns,
/// ranges); a violation is a `ValidationException` (HTTP 400), which is what AWS answers for
/// constraint violations although the Cloud Control model does not list it. Engine errors map
/// onto `CloudControlError` by their exception name. `TypeVersionId` and `RoleArn` are
/// accepted and ignored: the emulator has one version of each type and no IAM.
///
/// One of these answers for one (account, region); `LocalCloudControl` itself answers for its
/// default partition.
public final class LocalPartitionService: CloudControlService, Sendable {
    public let engine: LocalCloudControl
    public let partition: AccountRegion

    public init(engine: LocalCloudControl, partition: AccountRegion) {
        self.engine = engine
        self.partition = partition
    }

    /// Leaves the engine open: it is shared by every partition, and its owner closes it.
    public func close() {}

    public func createResource(_ input: CreateResourceInput) throws -> CreateResourceOutput {
        try mapped(input) {
            CreateResourceOutput(
                progressEvent: try engine.create(
                    typeName: input.typeName, desiredState: input.desiredState,
                    clientToken: input.clientToken, in: partition))
        }
    }

    public func getResource(_ input: GetResourceInput) throws -> GetResourceOutput {
        try mapped(input) {
            let found = try engine.get(typeName: input.typeName, identifier: input.identifier, in: partition)
            return GetResourceOutput(
                typeName: input.typeName,
                resourceDescription: ResourceDescription(
                    identifier: found.identifier, properties: found.properties))
        }
    }

    public func updateResource(_ input: UpdateResourceInput) throws -> UpdateResourceOutput {
        try mapped(input) {
            UpdateResourceOutput(
                progressEvent: try engine.update(
                    typeName: input.typeName, identifier: input.identifier,
                    patchDocument: input.patchDocument, clientToken: input.clientToken, in: partition))
        }
    }

    public func deleteResource(_ input: DeleteResourceInput) throws -> DeleteResourceOutput {
        try mapped(input) {
            DeleteResourceOutput(
                progressEvent: try engine.delete(
                    typeName: input.typeName, identifier: input.identifier, clientToken: input.clientToken, in: partition))
        }
    }

    public func listResources(_ input: ListResourcesInput) throws -> ListResourcesOutput {
        try mapped(input) {
            let (page, next) = try engine.list(
                typeName: input.typeName, resourceModel: input.resourceModel, nextToken: input.nextToken,
                maxResults: input.maxResults, in: partition)
            return ListResourcesOutput(
                typeName: input.typeName,
                resourceDescriptions: page.map {
                    ResourceDescription(identifier: $0.identifier, properties: $0.properties)
                },
                nextToken: next)
        }
    }

    public func getResourceRequestStatus(_ input: GetResourceRequestStatusInput) throws
        -> GetResourceRequestStatusOutput
    {
        try mapped(input) {
            let (event, hooks) = try engine.statusWithHooks(requestToken: input.requestToken, in: partition)
            return GetResourceRequestStatusOutput(progressEvent: event, hooksProgressEvent: hooks)
        }
    }

    public func listResourceRequests(_ input: ListResourceRequestsInput) throws -> ListResourceRequestsOutput
    {
        try mapped(input) {
            let filter = input.resourceRequestStatusFilter
            let operations = filter?.operations ?? []
            if let unknown = operations.first(where: { !$0.isKnown }) {
                throw LocalError.invalidRequest(
                    "unknown operation '\(unknown.rawValue)' in ResourceRequestStatusFilter")
            }
            let statuses = filter?.operationStatuses ?? []
            if let unknown = statuses.first(where: { !$0.isKnown }) {
                throw LocalError.invalidRequest(
                    "unknown operation status '\(unknown.rawValue)' in ResourceRequestStatusFilter")
            }
            let (page, next) = try engine.listRequests(
                operations: operations, statuses: statuses, nextToken: input.nextToken,
                maxResults: input.maxResults, in: partition)
            return ListResourceRequestsOutput(
                resourceRequestStatusSummaries: page, nextToken: next)
        }
    }

    public func cancelResourceRequest(_ input: CancelResourceRequestInput) throws
        -> CancelResourceRequestOutput
    {
        try mapped(input) {
            CancelResourceRequestOutput(
                progressEvent: try engine.cancel(requestToken: input.requestToken, in: partition))
        }
    }

    /// Validates the input, runs `body`, and turns engine errors into `CloudControlError`.
    private func mapped<Input: CloudControlInput, T>(_ input: Input, _ body: () throws -> T) throws -> T {
        do {
            try input.validate()
            return try body()
        } catch let e as ParameterValidationError {
            throw CloudControlError(
                code: .unknown("ValidationException"), message: e.description, httpStatus: 400)
        } catch let e as LocalError {
            throw CloudControlError(code: CloudControlErrorCode(wireName: e.code), message: e.message)
        }
    }
}

/// The engine answers for its default partition, so code that knows one account and one
/// region (`--local`, the tests) uses it directly.
extension LocalCloudControl: CloudControlService {
    /// The service for one (account, region).
    public func partition(_ partition: AccountRegion) -> LocalPartitionService {
        LocalPartitionService(engine: self, partition: partition)
    }

    private var defaultService: LocalPartitionService { partition(defaultPartition) }

    public func createResource(_ input: CreateResourceInput) throws -> CreateResourceOutput {
        try defaultService.createResource(input)
    }
    public func getResource(_ input: GetResourceInput) throws -> GetResourceOutput {
        try defaultService.getResource(input)
    }
    public func updateResource(_ input: UpdateResourceInput) throws -> UpdateResourceOutput {
        try defaultService.updateResource(input)
    }
    public func deleteResource(_ input: DeleteResourceInput) throws -> DeleteResourceOutput {
        try defaultService.deleteResource(input)
    }
    public func listResources(_ input: ListResourcesInput) throws -> ListResourcesOutput {
        try defaultService.listResources(input)
    }
    public func getResourceRequestStatus(_ input: GetResourceRequestStatusInput) throws
        -> GetResourceRequestStatusOutput
    {
        try defaultService.getResourceRequestStatus(input)
    }
    public func listResourceRequests(_ input: ListResourceRequestsInput) throws -> ListResourceRequestsOutput {
        try defaultService.listResourceRequests(input)
    }
    public func cancelResourceRequest(_ input: CancelResourceRequestInput) throws -> CancelResourceRequestOutput {
        try defaultService.cancelResourceRequest(input)
    }
}
