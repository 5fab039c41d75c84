// Sequence views of a paginator. `IteratorProtocol.next()` cannot throw, so each element is a
// `Result`; a failure is the last element. The paginator is consumed as they are iterated.

extension Paginator {
    /// The remaining pages, lazily.
    public var pages: PageSequence { PageSequence(paginator: self) }

    /// The remaining items across pages, lazily.
    public var items: ItemSequence { ItemSequence(paginator: self) }

    public struct PageSequence: Sequence, IteratorProtocol {
        let paginator: Paginator
        var failed = false

        public mutating func next() -> Result<Page, Error>? {
            guard !failed else { return nil }
            do {
                return try paginator.nextPage().map { .success($0) }
            } catch {
                failed = true
                return .failure(error)
            }
        }
    }

    public struct ItemSequence: Sequence, IteratorProtocol {
        let paginator: Paginator
        var failed = false

        public mutating func next() -> Result<Item, Error>? {
            guard !failed else { return nil }
            do {
                return try paginator.nextItem().map { .success($0) }
            } catch {
                failed = true
                return .failure(error)
            }
        }
    }
}

/// Paginates ListResources.
public typealias ListResourcesPaginator = Paginator<ListResourcesInput>
/// Paginates ListResourceRequests.
public typealias ListResourceRequestsPaginator = Paginator<ListResourceRequestsInput>

extension CloudControlService {
    /// A lazy paginator over ListResources; no request is sent until a page is asked for.
    public func listResourcesPaginator(
        _ input: ListResourcesInput, config: PaginationConfig = PaginationConfig()
    ) -> ListResourcesPaginator {
        Paginator(service: self, input: input, config: config)
    }

    /// A lazy paginator over ListResourceRequests; no request is sent until a page is asked for.
    public func listResourceRequestsPaginator(
        _ input: ListResourceRequestsInput = ListResourceRequestsInput(),
        config: PaginationConfig = PaginationConfig()
    ) -> ListResourceRequestsPaginator {
        Paginator(service: self, input: input, config: config)
    }
}
