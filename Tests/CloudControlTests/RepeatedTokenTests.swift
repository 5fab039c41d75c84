import CCSTestSupport
import Foundation
import Testing

@testable import CloudControl

/// A hostile or broken server whose NextTokens lead back to pages already fetched (issue 16,
/// F5): the paginator must stop with `PaginationError` instead of requesting forever. Each
/// server gives up after `limit` pages (a page without NextToken), so a paginator that does
/// not notice the loop ends with every page and no error, and the test fails rather than hangs.
@Suite("A server that repeats NextTokens")
struct RepeatedTokenTests {
    static let limit = 40

    /// Answers ListResources with one item per page; the NextToken of page n is `tokens(n)`,
    /// and page `limit` has none.
    static func server(_ tokens: @escaping @Sendable (Int) -> String) throws -> ClientTestHarness {
        let harness = try ClientTestHarness()
        let counter = RequestCounter()
        harness.server.setResponder { _ in
            let n = counter.next()
            let next = n < limit ? #","NextToken":"\#(tokens(n))""# : ""
            return .json(
                #"{"TypeName":"AWS::Logs::LogGroup","ResourceDescriptions":[{"Identifier":"r\#(n)","Properties":"{}"}]\#(next)}"#
            )
        }
        return harness
    }

    func sentTokens(_ harness: ClientTestHarness) -> [String?] {
        harness.server.requests.map { ClientTestHarness.bodyObject($0)["NextToken"] }
    }

    @Test func theSameTokenEveryTimeStopsAfterTheSecondPage() throws {
        let harness = try Self.server { _ in "same" }
        let paginator = harness.client.listResourcesPaginator(
            ListResourcesInput(typeName: "AWS::Logs::LogGroup"))
        #expect(try paginator.nextItem()?.identifier == "r1")
        #expect(try paginator.nextItem()?.identifier == "r2")
        let error = #expect(throws: PaginationError.self) { try paginator.nextItem() }
        #expect(error == PaginationError(operation: .listResources, repeatedToken: "same"))
        #expect(sentTokens(harness) == [nil, "same"])
        #expect(try paginator.nextItem() == nil, "the pagination is over after the error")
    }

    @Test func tokensThatCycleStopWhenOneComesBack() throws {
        // A, B, A, B...: never the same twice in a row, which is all botocore checks.
        let harness = try Self.server { n in n % 2 == 1 ? "A" : "B" }
        let paginator = harness.client.listResourcesPaginator(
            ListResourcesInput(typeName: "AWS::Logs::LogGroup"))
        let error = #expect(throws: PaginationError.self) { try paginator.allItems() }
        #expect(error == PaginationError(operation: .listResources, repeatedToken: "A"))
        #expect(sentTokens(harness) == [nil, "A", "B"])
    }

    @Test func aStartingTokenThatComesBackStopsAfterOnePage() throws {
        let harness = try Self.server { _ in "start" }
        let paginator = harness.client.listResourcesPaginator(
            ListResourcesInput(typeName: "AWS::Logs::LogGroup"),
            config: PaginationConfig(startingToken: "start"))
        #expect(try paginator.nextPage()?.pageItems.map(\.identifier) == ["r1"])
        #expect(throws: PaginationError(operation: .listResources, repeatedToken: "start")) {
            try paginator.nextPage()
        }
        #expect(sentTokens(harness) == ["start"])
    }

    @Test func listResourceRequestsStopsToo() throws {
        let harness = try ClientTestHarness()
        harness.server.setResponder { _ in
            .json(
                #"{"ResourceRequestStatusSummaries":[{"RequestToken":"r","OperationStatus":"SUCCESS"}],"NextToken":"loop"}"#
            )
        }
        let error = #expect(throws: PaginationError.self) {
            try harness.client.listResourceRequestsPaginator().allItems()
        }
        #expect(error == PaginationError(operation: .listResourceRequests, repeatedToken: "loop"))
        #expect(harness.server.requests.count == 2)
    }

    @Test func theMessageSaysWhatHappenedAndQuotesALongTokenShort() {
        let short = PaginationError(operation: .listResources, repeatedToken: "A")
        #expect(
            short.description
                == "ListResources pagination stopped: the service returned a NextToken it had already returned (A); following it again would repeat the same pages forever"
        )
        let long = PaginationError(
            operation: .listResources, repeatedToken: String(repeating: "x", count: 5000))
        #expect(long.description.contains(String(repeating: "x", count: 64) + "... (5000 bytes)"))
        #expect(long.description.count < 300)
    }
}
