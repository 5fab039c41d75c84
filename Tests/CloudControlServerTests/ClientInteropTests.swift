import CloudControl
import Foundation
import NIOConcurrencyHelpers
import SigV4
import Testing

/// ccs's own client (CloudControlClient over libcurl, with its retries, paginator and waiter)
/// against the emulator over HTTP: the two halves of the protocol must agree.
@Suite struct ClientInteropTests {
    private static func client(for emulator: EmulatorTestServer, maxAttempts: Int = 3) -> CloudControlClient {
        CloudControlClient(
            configuration: ClientConfiguration(
                region: "us-east-1", endpointURL: emulator.server.url, maxAttempts: maxAttempts,
                sleep: { _ in }),
            credentials: { AWSCredentials(accessKeyId: "test", secretAccessKey: "test") },
            transport: CurlTransport(configuration: .init(userAgent: "ccs-tests", proxies: ProxySettings())))
    }

    @Test func createGetAndThePaginator() throws {
        let emulator = try EmulatorTestServer()
        let client = Self.client(for: emulator)
        defer { client.close() }
        for index in 0..<30 {
            _ = try client.createResource(
                CreateResourceInput(typeName: "AWS::SQS::Queue", desiredState: #"{"QueueName":"q\#(index)"}"#))
        }
        let paginator = client.listResourcesPaginator(ListResourcesInput(typeName: "AWS::SQS::Queue"))
        let items = try paginator.allItems()
        #expect(items.count == 30)
        #expect(paginator.requestCount == 2)
        let first = try #require(items.first?.identifier)
        #expect(try client.getResource(GetResourceInput(typeName: "AWS::SQS::Queue", identifier: first))
            .resourceDescription?.identifier == first)
    }

    @Test func theWaiterFollowsARequestToSuccess() throws {
        let emulator = try EmulatorTestServer(latency: 0.1)
        let client = Self.client(for: emulator)
        defer { client.close() }
        let created = try client.createResource(
            CreateResourceInput(typeName: "AWS::Logs::LogGroup", desiredState: #"{"LogGroupName":"waited"}"#))
        #expect(created.progressEvent?.operationStatus == .pending)
        let token = try #require(created.progressEvent?.requestToken)
        let done = try client.waitUntilResourceRequestSuccess(
            requestToken: token, options: WaiterOptions(delay: 0.05, maxAttempts: 100))
        #expect(done.progressEvent?.operationStatus == .success)
    }

    @Test func serviceErrorsArriveTyped() throws {
        let emulator = try EmulatorTestServer()
        let client = Self.client(for: emulator)
        defer { client.close() }
        #expect {
            try client.getResource(GetResourceInput(typeName: "AWS::SQS::Queue", identifier: "https://nope"))
        } throws: { error in
            (error as? CloudControlError)?.code == .resourceNotFound
        }
    }

    @Test func retriesGetThroughInjectedThrottlingAndServerErrors() throws {
        let emulator = try EmulatorTestServer(faults: "throttle=0.3,5xx=0.2,seed=5")
        let client = Self.client(for: emulator, maxAttempts: 10)
        defer { client.close() }
        for _ in 0..<15 {
            #expect(try client.listResources(ListResourcesInput(typeName: "AWS::S3::Bucket")).typeName == "AWS::S3::Bucket")
        }
    }

    /// A dropped response is retried with the same ClientToken, so the create happens once
    /// and the retry gets the original request back.
    @Test func retriesAfterADroppedResponseReuseTheRequest() throws {
        let lines = NIOLockedValueBox<[String]>([])
        let emulator = try EmulatorTestServer(
            faults: "drop=0.5,seed=2", log: { line in lines.withLockedValue { $0.append(line) } })
        let client = Self.client(for: emulator, maxAttempts: 10)
        defer { client.close() }
        var tokens: Set<String> = []
        for index in 0..<6 {
            let created = try client.createResource(
                CreateResourceInput(typeName: "AWS::SNS::Topic", desiredState: #"{"TopicName":"t\#(index)"}"#))
            #expect(created.progressEvent?.operationStatus == .success)
            tokens.insert(try #require(created.progressEvent?.requestToken))
        }
        #expect(tokens.count == 6)
        let listed = try emulator.engine.listResources(ListResourcesInput(typeName: "AWS::SNS::Topic"))
        #expect(listed.resourceDescriptions?.count == 6)
        let requests = try emulator.engine.listResourceRequests(ListResourceRequestsInput())
        #expect(requests.resourceRequestStatusSummaries?.count == 6)
        // The test means something only if responses were in fact lost and retried.
        let dropped = lines.withLockedValue { $0.filter { $0.hasPrefix("CreateResource dropped") }.count }
        #expect(dropped > 0)
    }
}
