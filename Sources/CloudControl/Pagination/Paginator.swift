/// A lazy paginator over ListResources or ListResourceRequests with botocore's semantics
/// (botocore/paginate.py, PageIterator.__iter__):
/// - no request is made until the first page is asked for, and each further request only when
///   iteration reaches it;
/// - `pageSize` is sent as `MaxResults`;
/// - after `maxItems` items it stops, truncating the last page if needed, and `resumeToken`
///   holds a token that `startingToken` accepts to continue exactly there, in the middle of a
///   page if that is where it stopped;
/// - a NextToken the service already gave in this pagination (or the starting one) is a
///   `PaginationError`, thrown when the page after the repeating one is asked for. botocore
///   checks only two tokens in a row; a server cycling through tokens (A, B, A...) loops the
///   same way, and following any token seen before repeats pages forever;
/// - any error is thrown to the caller of `nextPage()` / `nextItem()`, and ends the pagination.
///
/// Iterate with `while let page = try paginator.nextPage()`, or use it as a `Sequence` of
/// `Result`s (`pages`, `items`) that ends after the first failure.
public final class Paginator<Input: PaginatedInput> {
    public typealias Page = Input.Output
    public typealias Item = Input.Output.Item

    private enum State {
        case notStarted
        case running
        case finished
    }

    private let service: CloudControlService
    private let config: PaginationConfig
    private var input: Input
    private var state = State.notStarted
    /// The service token the current request was made with (botocore's `next_token`), the
    /// base of a mid-page resume token.
    private var requestToken: String?
    private var startingTruncation = 0
    private var totalItems = 0
    /// Every service token this pagination was started with or has followed.
    private var seenTokens: Set<String> = []
    private var pendingError: PaginationError?
    private var bufferedItems: [Item] = []
    private var bufferedIndex = 0

    /// The token to continue from, once the paginator stopped because of `maxItems` with items
    /// left; nil otherwise.
    public private(set) var resumeToken: String?
    /// How many requests have been sent so far.
    public private(set) var requestCount = 0
    /// Runs before each request is sent; an error it throws is thrown to the caller of
    /// `nextPage()` / `nextItem()` in place of the request's, and ends the pagination. A caller
    /// that may be cancelled (Ctrl-C in a script) checks for it here, so it is noticed before
    /// each page and not before each item.
    public var beforeRequest: (() throws -> Void)?

    public init(service: CloudControlService, input: Input, config: PaginationConfig = PaginationConfig()) {
        self.service = service
        self.input = input
        self.config = config
    }

    /// The next page, or nil when pagination is over. The first call sends the first request.
    public func nextPage() throws -> Page? {
        switch state {
        case .finished:
            return nil
        case .notStarted:
            start()
        case .running:
            break
        }
        if let pendingError {
            state = .finished
            self.pendingError = nil
            throw pendingError
        }
        let isFirst = requestCount == 0
        var page: Page
        do {
            try beforeRequest?()
            requestCount += 1
            page = try input.send(to: service)
        } catch {
            state = .finished
            throw error
        }
        var items = page.pageItems
        if isFirst && config.startingToken != nil {
            // Resuming inside a page: skip the items the earlier paginator already returned.
            items = Array(items.dropFirst(startingTruncation))
        } else {
            startingTruncation = 0
        }
        if let maxItems = config.maxItems, totalItems + items.count > maxItems {
            let keep = max(0, maxItems - totalItems)
            page.pageItems = Array(items.prefix(keep))
            resumeToken = PaginationToken(nextToken: requestToken, truncateAmount: keep + startingTruncation)
                .encoded()
            state = .finished
            return page
        }
        page.pageItems = items
        totalItems += items.count
        guard let next = page.nextToken else {
            state = .finished
            return page
        }
        if let maxItems = config.maxItems, totalItems == maxItems {
            // On a page boundary: the service's own token resumes there.
            resumeToken = PaginationToken(nextToken: next, truncateAmount: nil).encoded()
            state = .finished
            return page
        }
        if !seenTokens.insert(next).inserted {
            // Like botocore, the page is still returned; the next call reports the loop.
            pendingError = PaginationError(operation: Input.operation, repeatedToken: next)
            return page
        }
        requestToken = next
        input.nextToken = next
        return page
    }

    /// The next item across pages, fetching a page only when the buffered ones are used up.
    public func nextItem() throws -> Item? {
        while bufferedIndex == bufferedItems.count {
            guard let page = try nextPage() else { return nil }
            bufferedItems = page.pageItems
            bufferedIndex = 0
        }
        bufferedIndex += 1
        return bufferedItems[bufferedIndex - 1]
    }

    /// Every remaining page, fetched now.
    public func allPages() throws -> [Page] {
        var pages: [Page] = []
        while let page = try nextPage() { pages.append(page) }
        return pages
    }

    /// Every remaining item, fetched now.
    public func allItems() throws -> [Item] {
        var items: [Item] = []
        while let item = try nextItem() { items.append(item) }
        return items
    }

    private func start() {
        state = .running
        if let pageSize = config.pageSize {
            input.maxResults = pageSize
        }
        if let startingToken = config.startingToken {
            let token = PaginationToken.decode(startingToken)
            requestToken = token.nextToken
            startingTruncation = token.truncateAmount ?? 0
            if let next = token.nextToken {
                input.nextToken = next
            }
        } else {
            requestToken = input.nextToken
        }
        if let requestToken { seenTokens.insert(requestToken) }
    }
}
