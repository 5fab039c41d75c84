/// The `ListResourceRequestsInput` shape: one page of recent resource operation requests.
public struct ListResourceRequestsInput: CloudControlInput, Hashable {
    public typealias Output = ListResourceRequestsOutput
    public static let operation = APIOperation.listResourceRequests

    /// The page size, 1–100.
    public var maxResults: Int?
    /// The token of the page to fetch, from the previous page's `nextToken`.
    public var nextToken: String?
    /// Which requests to include.
    public var resourceRequestStatusFilter: ResourceRequestStatusFilter?

    public init(
        maxResults: Int? = nil, nextToken: String? = nil,
        resourceRequestStatusFilter: ResourceRequestStatusFilter? = nil
    ) {
        self.maxResults = maxResults
        self.nextToken = nextToken
        self.resourceRequestStatusFilter = resourceRequestStatusFilter
    }

    /// Wire names, in the member order of the service model.
    public enum CodingKeys: String, CodingKey, CaseIterable {
        case maxResults = "MaxResults"
        case nextToken = "NextToken"
        case resourceRequestStatusFilter = "ResourceRequestStatusFilter"
    }
}

/// The `ListResourceRequestsOutput` shape: one page of request summaries.
public struct ListResourceRequestsOutput: CloudControlOutput, Hashable {
    /// The requests of this page, as progress events.
    public var resourceRequestStatusSummaries: [ProgressEvent]?
    /// The token of the next page; nil on the last page.
    public var nextToken: String?

    public init(resourceRequestStatusSummaries: [ProgressEvent]? = nil, nextToken: String? = nil) {
        self.resourceRequestStatusSummaries = resourceRequestStatusSummaries
        self.nextToken = nextToken
    }

    /// Wire names, in the member order of the service model.
    public enum CodingKeys: String, CodingKey, CaseIterable {
        case resourceRequestStatusSummaries = "ResourceRequestStatusSummaries"
        case nextToken = "NextToken"
    }
}
