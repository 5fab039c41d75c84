import Foundation
import Testing

@testable import CloudControl

/// Paginator token logic. Expected pages and resume tokens were checked against botocore's
/// PageIterator driven over the same three pages.
struct PaginatorTests {
    static let type = "AWS::Logs::LogGroup"

    /// Pages [a b c] → t2 → [d e f] → t3 → [g].
    func threePages() -> ScriptedService {
        let service = ScriptedService()
        func page(_ ids: String, next: String?) -> Result<ListResourcesOutput, CloudControlError> {
            .success(
                ListResourcesOutput(
                    typeName: Self.type,
                    resourceDescriptions: ids.map { ResourceDescription(identifier: String($0)) },
                    nextToken: next))
        }
        service.resourcePages = [
            "": page("abc", next: "t2"), "t2": page("def", next: "t3"), "t3": page("g", next: nil),
        ]
        return service
    }

    func pages(_ paginator: ListResourcesPaginator) throws -> [String] {
        try paginator.allPages().map { $0.pageItems.compactMap(\.identifier).joined() }
    }

    @Test func noRequestUntilAPageIsAskedFor() throws {
        let service = threePages()
        let paginator = service.listResourcesPaginator(ListResourcesInput(typeName: Self.type))
        #expect(service.listResourcesCalls.isEmpty)
        #expect(try paginator.nextItem()?.identifier == "a")
        #expect(service.listResourcesCalls.count == 1)
        #expect(try paginator.nextItem()?.identifier == "b")
        #expect(try paginator.nextItem()?.identifier == "c")
        #expect(service.listResourcesCalls.count == 1)
        #expect(try paginator.nextItem()?.identifier == "d")
        #expect(service.listResourcesCalls.map(\.nextToken) == [nil, "t2"])
    }

    @Test func allPagesAndItems() throws {
        let service = threePages()
        #expect(
            try pages(service.listResourcesPaginator(ListResourcesInput(typeName: Self.type))) == [
                "abc", "def", "g",
            ])
        let items = try service.listResourcesPaginator(ListResourcesInput(typeName: Self.type)).allItems()
        #expect(items.compactMap(\.identifier) == ["a", "b", "c", "d", "e", "f", "g"])
        #expect(service.listResourcesCalls.allSatisfy { $0.typeName == Self.type && $0.maxResults == nil })
    }

    @Test func pageSizeIsSentAsMaxResults() throws {
        let service = threePages()
        _ = try service.listResourcesPaginator(
            ListResourcesInput(typeName: Self.type), config: PaginationConfig(pageSize: 3)
        ).allPages()
        #expect(service.listResourcesCalls.map(\.maxResults) == [3, 3, 3])
    }

    @Test func maxItemsInsideAPageTruncatesAndResumes() throws {
        let service = threePages()
        let first = service.listResourcesPaginator(
            ListResourcesInput(typeName: Self.type), config: PaginationConfig(maxItems: 4))
        #expect(try pages(first) == ["abc", "d"])
        // botocore: base64 of {"NextToken": "t2", "boto_truncate_amount": 1}
        #expect(first.resumeToken == "eyJOZXh0VG9rZW4iOiAidDIiLCAiYm90b190cnVuY2F0ZV9hbW91bnQiOiAxfQ==")
        #expect(first.requestCount == 2)

        let second = service.listResourcesPaginator(
            ListResourcesInput(typeName: Self.type),
            config: PaginationConfig(maxItems: 4, startingToken: first.resumeToken))
        #expect(try pages(second) == ["ef", "g"])
        #expect(second.resumeToken == nil)
        #expect(service.listResourcesCalls.suffix(2).map(\.nextToken) == ["t2", "t3"])
    }

    @Test func maxItemsInTheFirstPageResumesWithANullToken() throws {
        let service = threePages()
        let first = service.listResourcesPaginator(
            ListResourcesInput(typeName: Self.type), config: PaginationConfig(maxItems: 2))
        #expect(try pages(first) == ["ab"])
        // botocore: base64 of {"NextToken": null, "boto_truncate_amount": 2}
        #expect(first.resumeToken == "eyJOZXh0VG9rZW4iOiBudWxsLCAiYm90b190cnVuY2F0ZV9hbW91bnQiOiAyfQ==")
        let rest = service.listResourcesPaginator(
            ListResourcesInput(typeName: Self.type),
            config: PaginationConfig(startingToken: first.resumeToken))
        #expect(try pages(rest) == ["c", "def", "g"])
    }

    @Test func resumingTwiceInsideTheSamePageAddsUp() throws {
        let service = threePages()
        let paginator = service.listResourcesPaginator(
            ListResourcesInput(typeName: Self.type),
            config: PaginationConfig(
                maxItems: 1, startingToken: "eyJOZXh0VG9rZW4iOiAidDIiLCAiYm90b190cnVuY2F0ZV9hbW91bnQiOiAxfQ=="
            ))
        #expect(try pages(paginator) == ["e"])
        // botocore: {"NextToken": "t2", "boto_truncate_amount": 2}
        #expect(paginator.resumeToken == "eyJOZXh0VG9rZW4iOiAidDIiLCAiYm90b190cnVuY2F0ZV9hbW91bnQiOiAyfQ==")
    }

    @Test func maxItemsOnAPageBoundaryResumesWithTheServiceToken() throws {
        let service = threePages()
        let paginator = service.listResourcesPaginator(
            ListResourcesInput(typeName: Self.type), config: PaginationConfig(maxItems: 3))
        #expect(try pages(paginator) == ["abc"])
        #expect(paginator.resumeToken == "eyJOZXh0VG9rZW4iOiAidDIifQ==")
        #expect(service.listResourcesCalls.count == 1)
    }

    @Test func maxItemsReachedOnTheLastPageLeavesNoResumeToken() throws {
        let service = threePages()
        let paginator = service.listResourcesPaginator(
            ListResourcesInput(typeName: Self.type),
            config: PaginationConfig(maxItems: 3, startingToken: "t2___1"))
        #expect(try pages(paginator) == ["ef", "g"])
        #expect(paginator.resumeToken == nil)
    }

    @Test func startingTokenMayBeARawServiceToken() throws {
        let service = threePages()
        let paginator = service.listResourcesPaginator(
            ListResourcesInput(typeName: Self.type), config: PaginationConfig(startingToken: "t3"))
        #expect(try pages(paginator) == ["g"])
        #expect(service.listResourcesCalls.map(\.nextToken) == ["t3"])
    }

    @Test func tokensMatchPythonJSONDumps() {
        #expect(
            PaginationToken(nextToken: "é\"", truncateAmount: nil).encoded()
                == "eyJOZXh0VG9rZW4iOiAiXHUwMGU5XCIifQ==")
        #expect(
            PaginationToken.decode("eyJOZXh0VG9rZW4iOiAiXHUwMGU5XCIifQ==")
                == PaginationToken(nextToken: "é\"", truncateAmount: nil))
        #expect(PaginationToken.decode("None___4") == PaginationToken(nextToken: nil, truncateAmount: 4))
    }

    @Test func errorsReachTheCallerAndEndPagination() throws {
        let service = threePages()
        service.resourcePages["t2"] = .failure(CloudControlError(code: .throttling, message: "slow down"))
        let paginator = service.listResourcesPaginator(ListResourcesInput(typeName: Self.type))
        #expect(try paginator.nextPage()?.pageItems.count == 3)
        #expect(throws: CloudControlError(code: .throttling, message: "slow down")) {
            try paginator.nextPage()
        }
        #expect(try paginator.nextPage() == nil)
        #expect(service.listResourcesCalls.count == 2)
    }

    @Test func sequenceViewEndsWithTheFailure() {
        let service = threePages()
        service.resourcePages["t3"] = .failure(CloudControlError(code: .typeNotFound))
        let results = Array(service.listResourcesPaginator(ListResourcesInput(typeName: Self.type)).items)
        #expect(results.count == 7)
        #expect(results.prefix(6).compactMap { try? $0.get().identifier } == ["a", "b", "c", "d", "e", "f"])
        guard case .failure(let error)? = results.last else {
            Issue.record("expected the failure last")
            return
        }
        #expect(error as? CloudControlError == CloudControlError(code: .typeNotFound))
    }

    @Test func lazyPrefixFetchesOnlyWhatIsNeeded() {
        let service = threePages()
        let firstTwo = service.listResourcesPaginator(ListResourcesInput(typeName: Self.type)).pages.prefix(1)
        #expect(Array(firstTwo).count == 1)
        #expect(service.listResourcesCalls.count == 1)
    }

    @Test func repeatedNextTokenIsAnErrorAfterThatPage() throws {
        let service = ScriptedService()
        service.requestPages = [
            "": ListResourceRequestsOutput(
                resourceRequestStatusSummaries: [ProgressEvent(requestToken: "r1")], nextToken: "same"),
            "same": ListResourceRequestsOutput(
                resourceRequestStatusSummaries: [ProgressEvent(requestToken: "r2")], nextToken: "same"),
        ]
        let paginator = service.listResourceRequestsPaginator()
        #expect(try paginator.nextItem()?.requestToken == "r1")
        #expect(try paginator.nextItem()?.requestToken == "r2")
        let error = #expect(throws: PaginationError.self) { try paginator.nextItem() }
        #expect(error == PaginationError(operation: .listResourceRequests, repeatedToken: "same"))
        #expect(service.listResourceRequestsCalls.count == 2)
    }

    @Test func listResourceRequestsKeepsTheFilter() throws {
        let service = ScriptedService()
        service.requestPages = [
            "": ListResourceRequestsOutput(resourceRequestStatusSummaries: [], nextToken: "n"),
            "n": ListResourceRequestsOutput(resourceRequestStatusSummaries: [ProgressEvent(requestToken: "r")]
            ),
        ]
        let filter = ResourceRequestStatusFilter(operationStatuses: [.failed])
        let items = try service.listResourceRequestsPaginator(
            ListResourceRequestsInput(resourceRequestStatusFilter: filter),
            config: PaginationConfig(pageSize: 10)
        ).allItems()
        #expect(items.map(\.requestToken) == ["r"])
        #expect(service.listResourceRequestsCalls.map(\.resourceRequestStatusFilter) == [filter, filter])
        #expect(service.listResourceRequestsCalls.map(\.maxResults) == [10, 10])
    }
}
