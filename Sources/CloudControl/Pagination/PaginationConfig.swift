/// botocore's `PaginationConfig`: how many items to return in all, how many to ask for per
/// page, and where to resume.
public struct PaginationConfig: Sendable, Equatable, Hashable {
    /// Stop after this many items; the paginator then offers a `resumeToken`.
    public var maxItems: Int?
    /// Items per request, sent as `MaxResults` (ListResources may ignore it).
    public var pageSize: Int?
    /// A `resumeToken` from an earlier paginator (or a service NextToken), to continue where
    /// it stopped, possibly in the middle of a page.
    public var startingToken: String?

    public init(maxItems: Int? = nil, pageSize: Int? = nil, startingToken: String? = nil) {
        self.maxItems = maxItems
        self.pageSize = pageSize
        self.startingToken = startingToken
    }
}

/// An input whose operation is paginated (paginators-1.json: `input_token` NextToken,
/// `output_token` NextToken, `limit_key` MaxResults).
public protocol PaginatedInput: CloudControlInput where Output: PaginatedOutput {
    var nextToken: String? { get set }
    var maxResults: Int? { get set }
    /// Calls the operation on `service`.
    func send(to service: CloudControlService) throws -> Output
}

/// A page of a paginated operation (paginators-1.json `result_key`).
public protocol PaginatedOutput: CloudControlOutput {
    associatedtype Item: Sendable & Equatable
    var nextToken: String? { get }
    /// The page's results: ResourceDescriptions or ResourceRequestStatusSummaries.
    var pageItems: [Item] { get set }
}

extension ListResourcesInput: PaginatedInput {
    public func send(to service: CloudControlService) throws -> ListResourcesOutput {
        try service.listResources(self)
    }
}

extension ListResourcesOutput: PaginatedOutput {
    public var pageItems: [ResourceDescription] {
        get { resourceDescriptions ?? [] }
        set { resourceDescriptions = newValue }
    }
}

extension ListResourceRequestsInput: PaginatedInput {
    public func send(to service: CloudControlService) throws -> ListResourceRequestsOutput {
        try service.listResourceRequests(self)
    }
}

extension ListResourceRequestsOutput: PaginatedOutput {
    public var pageItems: [ProgressEvent] {
        get { resourceRequestStatusSummaries ?? [] }
        set { resourceRequestStatusSummaries = newValue }
    }
}
