/// The `ResourceRequestStatusFilter` shape: which requests ListResourceRequests returns.
public struct ResourceRequestStatusFilter: Codable, Sendable, Equatable, Hashable {
    /// Only requests of these operations (CREATE, DELETE, UPDATE).
    public var operations: [ResourceOperation]?
    /// Only requests in these statuses.
    public var operationStatuses: [OperationStatus]?

    public init(operations: [ResourceOperation]? = nil, operationStatuses: [OperationStatus]? = nil) {
        self.operations = operations
        self.operationStatuses = operationStatuses
    }

    /// Wire names, in the member order of the service model.
    public enum CodingKeys: String, CodingKey, CaseIterable {
        case operations = "Operations"
        case operationStatuses = "OperationStatuses"
    }
}
