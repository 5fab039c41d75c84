import CCSTestSupport
import Foundation
import Testing

@testable import CloudControl

@Suite("Paginators and the waiter through the HTTP client")
struct ClientPaginationAndWaiterTests {
    /// Answers ListResources with pages of 2 items out of 10, NextToken = index of the next item.
    @Sendable static func pagingResponder(_ request: LoopbackHTTPServer.Request) -> LoopbackReply {
        let start = Int(ClientTestHarness.bodyObject(request)["NextToken"] ?? "0") ?? 0
        let items = (start..<min(start + 2, 10)).map { #"{"Identifier":"r\#($0)","Properties":"{}"}"# }
        let next = start + 2 < 10 ? #","NextToken":"\#(start + 2)""# : ""
        return .json(
            #"{"TypeName":"AWS::Logs::LogGroup","ResourceDescriptions":[\#(items.joined(separator: ","))]\#(next)}"#
        )
    }

    @Test func paginatorFetchesOnlyThePagesReached() throws {
        let harness = try ClientTestHarness()
        harness.server.setResponder(Self.pagingResponder)
        let paginator = harness.client.listResourcesPaginator(
            ListResourcesInput(typeName: "AWS::Logs::LogGroup"))
        #expect(harness.server.requests.isEmpty, "creating the paginator sends nothing")
        var seen: [String] = []
        for _ in 0..<3 {
            if let item = try paginator.nextItem() { seen.append(item.identifier ?? "") }
        }
        #expect(seen == ["r0", "r1", "r2"])
        #expect(harness.server.requests.count == 2, "3 items need 2 pages of 2, not all 5 pages")
        let tokens = harness.server.requests.map { ClientTestHarness.bodyObject($0)["NextToken"] }
        #expect(tokens == [nil, "2"])
    }

    @Test func paginatorWalksEveryPage() throws {
        let harness = try ClientTestHarness()
        harness.server.setResponder(Self.pagingResponder)
        let items = try harness.client.listResourcesPaginator(
            ListResourcesInput(typeName: "AWS::Logs::LogGroup")
        ).allItems()
        #expect(items.map { $0.identifier ?? "" } == (0..<10).map { "r\($0)" })
        #expect(harness.server.requests.count == 5)
    }

    @Test func paginatorMaxItemsStopsAndResumes() throws {
        let harness = try ClientTestHarness()
        harness.server.setResponder(Self.pagingResponder)
        let first = harness.client.listResourcesPaginator(
            ListResourcesInput(typeName: "AWS::Logs::LogGroup"), config: PaginationConfig(maxItems: 3))
        #expect(try first.allItems().map { $0.identifier ?? "" } == ["r0", "r1", "r2"])
        let token = try #require(first.resumeToken)
        let rest = harness.client.listResourcesPaginator(
            ListResourcesInput(typeName: "AWS::Logs::LogGroup"),
            config: PaginationConfig(startingToken: token))
        #expect(try rest.allItems().map { $0.identifier ?? "" } == (3..<10).map { "r\($0)" })
    }

    static func waiterOptions(sleeps: SleepLog) -> WaiterOptions {
        WaiterOptions(sleep: { sleeps.add($0) })
    }

    @Test func waiterSucceedsAfterPolling() throws {
        let harness = try ClientTestHarness(replies: [
            .json(ClientTestHarness.progressEvent(status: "PENDING")),
            .json(ClientTestHarness.progressEvent(status: "IN_PROGRESS")),
            .json(ClientTestHarness.progressEvent(status: "SUCCESS")),
        ])
        let sleeps = SleepLog()
        let output = try harness.client.waitUntilResourceRequestSuccess(
            requestToken: "a1b2c3d4-0000-4000-8000-000000000001", options: Self.waiterOptions(sleeps: sleeps))
        #expect(output.progressEvent?.operationStatus == OperationStatus(rawValue: "SUCCESS"))
        #expect(harness.server.requests.count == 3)
        #expect(sleeps.values == [5, 5], "the definition's Delay of 5 s, injected, never slept for real")
        #expect(
            harness.server.requests.allSatisfy {
                $0.header("X-Amz-Target") == "CloudApiService.GetResourceRequestStatus"
            })
    }

    @Test(arguments: ["FAILED", "CANCEL_COMPLETE"])
    func waiterFailsOnFailureStates(status: String) throws {
        let failed =
            #"{"ProgressEvent":{"TypeName":"AWS::Logs::LogGroup","RequestToken":"a1b2c3d4-0000-4000-8000-000000000001","Operation":"CREATE","OperationStatus":"\#(status)","ErrorCode":"AlreadyExists","StatusMessage":"exists already","EventTime":1767225600}}"#
        let harness = try ClientTestHarness(replies: [
            .json(ClientTestHarness.progressEvent(status: "IN_PROGRESS")), .json(failed),
        ])
        let sleeps = SleepLog()
        let error = #expect(throws: WaiterError.self) {
            try harness.client.waitUntilResourceRequestSuccess(
                requestToken: "a1b2c3d4-0000-4000-8000-000000000001",
                options: Self.waiterOptions(sleeps: sleeps))
        }
        #expect(error?.lastProgressEvent?.operationStatus == OperationStatus(rawValue: status))
        #expect(error?.lastProgressEvent?.statusMessage == "exists already")
        #expect(error?.attempts == 2)
        #expect(harness.server.requests.count == 2)
        #expect(sleeps.values == [5])
    }

    @Test func cancelThenWaitReportsCancellation() throws {
        let harness = try ClientTestHarness(replies: [
            .json(ClientTestHarness.progressEvent(status: "CANCEL_IN_PROGRESS")),
            .json(ClientTestHarness.progressEvent(status: "CANCEL_IN_PROGRESS")),
            .json(ClientTestHarness.progressEvent(status: "CANCEL_COMPLETE")),
        ])
        let token = "a1b2c3d4-0000-4000-8000-000000000001"
        let cancelled = try harness.client.cancelResourceRequest(
            CancelResourceRequestInput(requestToken: token))
        #expect(cancelled.progressEvent?.operationStatus == OperationStatus(rawValue: "CANCEL_IN_PROGRESS"))
        let error = #expect(throws: WaiterError.self) {
            try harness.client.waitUntilResourceRequestSuccess(
                requestToken: token, options: Self.waiterOptions(sleeps: SleepLog()))
        }
        #expect(error?.lastProgressEvent?.operationStatus == OperationStatus(rawValue: "CANCEL_COMPLETE"))
        #expect(
            harness.server.requests.map { $0.header("X-Amz-Target") ?? "" } == [
                "CloudApiService.CancelResourceRequest", "CloudApiService.GetResourceRequestStatus",
                "CloudApiService.GetResourceRequestStatus",
            ])
    }

    @Test func waiterGivesUpAfterMaxAttempts() throws {
        let harness = try ClientTestHarness()
        harness.server.setResponder { _ in .json(ClientTestHarness.progressEvent(status: "IN_PROGRESS")) }
        let sleeps = SleepLog()
        var options = Self.waiterOptions(sleeps: sleeps)
        options.maxAttempts = 4
        let error = #expect(throws: WaiterError.self) {
            try harness.client.waitUntilResourceRequestSuccess(
                requestToken: "a1b2c3d4-0000-4000-8000-000000000001", options: options)
        }
        #expect(error?.reason == .maxAttemptsExceeded)
        #expect(harness.server.requests.count == 4)
        #expect(sleeps.values.count == 3)
    }
}

/// Records the waiter's sleeps instead of sleeping.
final class SleepLog: @unchecked Sendable {
    private let lock = NSLock()
    private var recorded: [Double] = []
    func add(_ seconds: Double) {
        lock.lock()
        recorded.append(seconds)
        lock.unlock()
    }
    var values: [Double] {
        lock.lock()
        defer { lock.unlock() }
        return recorded
    }
}
