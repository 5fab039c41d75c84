import CCSTestSupport
import Foundation
import SigV4
import Testing

@testable import CloudControl

@Suite("CloudControlClient end to end against a loopback server")
struct CloudControlClientTests {
    static let create = CreateResourceInput(
        typeName: "AWS::Logs::LogGroup", desiredState: #"{"LogGroupName":"g1"}"#)

    @Test func sendsAnAwsJson10RequestSignedForCloudControl() throws {
        let harness = try ClientTestHarness(replies: [
            .json(ClientTestHarness.progressEvent(status: "IN_PROGRESS"))
        ])
        let output = try harness.client.createResource(Self.create)
        #expect(output.progressEvent?.operationStatus == OperationStatus(rawValue: "IN_PROGRESS"))
        #expect(output.progressEvent?.eventTime == Date(timeIntervalSince1970: 1_767_225_600.5))
        let request = try #require(harness.server.requests.first)
        #expect(request.method == "POST")
        #expect(request.target == "/")
        #expect(request.header("X-Amz-Target") == "CloudApiService.CreateResource")
        #expect(request.header("Content-Type") == "application/x-amz-json-1.0")
        #expect(request.header("X-Amz-Security-Token") == "harness-session-token")
        let authorization = try #require(request.header("Authorization"))
        #expect(
            authorization.hasPrefix(
                "AWS4-HMAC-SHA256 Credential=AKIDHARNESSEXAMPLE/20260101/eu-west-3/cloudcontrolapi/aws4_request"
            ))
        let body = ClientTestHarness.bodyObject(request)
        #expect(body["TypeName"] == "AWS::Logs::LogGroup")
        #expect(body["DesiredState"] == #"{"LogGroupName":"g1"}"#)
        #expect(UUID(uuidString: body["ClientToken"] ?? "") != nil)
    }

    @Test func throttlingThenSuccessKeepsOneClientTokenAndResigns() throws {
        let harness = try ClientTestHarness(replies: [
            .awsError(
                status: 400, type: "com.amazonaws.cloudcontrol#ThrottlingException", message: "Rate exceeded"),
            .awsError(status: 400, type: "ThrottlingException", message: "Rate exceeded"),
            .json(ClientTestHarness.progressEvent(status: "IN_PROGRESS")),
        ])
        let output = try harness.client.createResource(Self.create)
        #expect(output.progressEvent?.identifier == "g1")
        let requests = harness.server.requests
        #expect(requests.count == 3)
        let tokens = Set(requests.map { ClientTestHarness.bodyObject($0)["ClientToken"] ?? "" })
        #expect(tokens.count == 1)
        #expect(tokens.first?.isEmpty == false)
        let signatures = Set(requests.compactMap { $0.header("Authorization") })
        #expect(signatures.count == 3, "each attempt is signed afresh")
        // Full jitter with random() = 0.5: 0.5 × 2^0, then 0.5 × 2^1.
        #expect(harness.sleeps == [0.5, 1.0])
    }

    @Test func everyAttemptVerifiesWithTheProjectsSigV4Verifier() throws {
        let harness = try ClientTestHarness(replies: [
            .awsError(status: 400, type: "ThrottlingException", message: "Rate exceeded"),
            .json(ClientTestHarness.progressEvent(status: "IN_PROGRESS")),
        ])
        _ = try harness.client.createResource(Self.create)
        let verifier = SigV4Verifier(service: "cloudcontrolapi", region: "eu-west-3") { key in
            key == ClientTestHarness.credentials.accessKeyId
                ? ClientTestHarness.credentials.secretAccessKey : nil
        }
        for request in harness.server.requests {
            let identity = try verifier.verify(
                SigV4Request(
                    method: request.method, path: request.target, headers: request.headers, body: request.body
                ),
                now: Date(timeIntervalSince1970: 1_767_225_610))
            #expect(identity.sessionToken == "harness-session-token")
            #expect(identity.signedHeaders.contains("x-amz-target"))
        }
        #expect(harness.server.requests.count == 2)
    }

    @Test func givenClientTokenIsKept() throws {
        let harness = try ClientTestHarness(replies: [
            .json(ClientTestHarness.progressEvent(status: "IN_PROGRESS", operation: "DELETE"))
        ])
        _ = try harness.client.deleteResource(
            DeleteResourceInput(typeName: "AWS::Logs::LogGroup", clientToken: "my-token-1", identifier: "g1"))
        #expect(ClientTestHarness.bodyObject(harness.server.requests[0])["ClientToken"] == "my-token-1")
    }

    @Test func serverErrorsAreRetriedThenReported() throws {
        let harness = try ClientTestHarness(replies: [
            .awsError(status: 500, type: "InternalFailure", message: "boom 1"),
            .respond(
                status: 503, headers: [(name: "Content-Type", value: "text/html")],
                body: Array("<html>busy</html>".utf8)),
            .awsError(status: 502, type: "ServiceInternalErrorException", message: "boom 3"),
        ])
        let error = #expect(throws: CloudControlError.self) {
            try harness.client.getResource(
                GetResourceInput(typeName: "AWS::Logs::LogGroup", identifier: "g1"))
        }
        #expect(error?.httpStatus == 502)
        #expect(error?.code.wireName == "ServiceInternalErrorException")
        #expect(error?.message == "boom 3")
        #expect(harness.server.requests.count == 3)
        #expect(harness.sleeps.count == 2)
    }

    @Test func fiveHundredThenSuccess() throws {
        let harness = try ClientTestHarness(replies: [
            .awsError(status: 503, type: "ServiceUnavailable", message: "later"),
            .json(
                #"{"TypeName":"AWS::Logs::LogGroup","ResourceDescription":{"Identifier":"g1","Properties":"{}"}}"#
            ),
        ])
        let output = try harness.client.getResource(
            GetResourceInput(typeName: "AWS::Logs::LogGroup", identifier: "g1"))
        #expect(output.resourceDescription?.identifier == "g1")
        #expect(harness.server.requests.count == 2)
    }

    @Test func clientErrorsAreNotRetried() throws {
        let harness = try ClientTestHarness(replies: [
            .awsError(status: 404, type: "ResourceNotFoundException", message: "no such group")
        ])
        let error = #expect(throws: CloudControlError.self) {
            try harness.client.getResource(
                GetResourceInput(typeName: "AWS::Logs::LogGroup", identifier: "g1"))
        }
        #expect(error?.description == "ResourceNotFoundException: no such group")
        #expect(harness.server.requests.count == 1)
        #expect(harness.sleeps.isEmpty)
    }

    @Test func droppedConnectionIsRetried() throws {
        let harness = try ClientTestHarness(replies: [
            .dropConnection, .json(ClientTestHarness.progressEvent(status: "SUCCESS")),
        ])
        let output = try harness.client.getResourceRequestStatus(
            GetResourceRequestStatusInput(requestToken: "a1b2c3d4-0000-4000-8000-000000000001"))
        #expect(output.progressEvent?.operationStatus == OperationStatus(rawValue: "SUCCESS"))
        #expect(harness.server.requests.count == 2)
        #expect(harness.sleeps == [0.5])
    }

    @Test func droppedConnectionEveryTimeGivesTheTransportError() throws {
        let harness = try ClientTestHarness(replies: [.dropConnection, .dropConnection, .dropConnection])
        let error = #expect(throws: TransportError.self) {
            try harness.client.getResourceRequestStatus(
                GetResourceRequestStatusInput(requestToken: "a1b2c3d4-0000-4000-8000-000000000001"))
        }
        #expect(error?.kind == .connectionDropped)
        #expect(error?.host == "127.0.0.1:\(harness.server.port)")
        #expect(harness.server.requests.count == 3)
    }

    @Test func malformedBodyIsReportedNotRetried() throws {
        let harness = try ClientTestHarness(replies: [.garbageBody()])
        let error = #expect(throws: ResponseDecodingError.self) {
            try harness.client.listResources(ListResourcesInput(typeName: "AWS::Logs::LogGroup"))
        }
        #expect(error?.status == 200)
        #expect(harness.server.requests.count == 1)
    }

    @Test func malformedHTTPIsRetriedThenReported() throws {
        // botocore retries urllib3's ProtocolError (as ConnectionClosedError); so does ccs.
        let garbage = LoopbackReply.raw(Array("garbage\r\n\r\n".utf8))
        let harness = try ClientTestHarness(replies: [garbage, garbage, garbage])
        let error = #expect(throws: TransportError.self) {
            try harness.client.listResources(ListResourcesInput(typeName: "AWS::Logs::LogGroup"))
        }
        #expect(error?.kind == .malformedResponse)
        #expect(harness.server.requests.count == 3)
    }

    @Test func timeoutIsRetriedOnAFreshConnection() throws {
        let harness = try ClientTestHarness(
            replies: [.hang, .json(ClientTestHarness.progressEvent(status: "SUCCESS"))], attemptTimeout: 0.3)
        let output = try harness.client.getResourceRequestStatus(
            GetResourceRequestStatusInput(requestToken: "a1b2c3d4-0000-4000-8000-000000000001"))
        #expect(output.progressEvent?.operationStatus == OperationStatus(rawValue: "SUCCESS"))
        #expect(harness.server.requests.count == 2)
        #expect(harness.server.connectionCount == 2)
    }

    @Test func oversizedResponseIsRefused() throws {
        let big = String(repeating: "x", count: 4096)
        let harness = try ClientTestHarness(
            replies: [.json(#"{"TypeName":"\#(big)"}"#)], maxResponseBytes: 1024)
        let error = #expect(throws: TransportError.self) {
            try harness.client.listResources(ListResourcesInput(typeName: "AWS::Logs::LogGroup"))
        }
        #expect(error?.kind == .responseTooLarge)
        #expect(harness.server.requests.count == 1)
    }

    @Test func invalidInputIsRejectedBeforeSending() throws {
        let harness = try ClientTestHarness()
        let error = #expect(throws: ParameterValidationError.self) {
            try harness.client.getResource(GetResourceInput(typeName: "bad", identifier: "g1"))
        }
        #expect(error?.parameter == "TypeName")
        #expect(harness.server.requests.isEmpty)
    }

    @Test func desiredStateIsSentAsGiven() throws {
        // Reading a DesiredState from a file is the user interfaces' rule (DesiredStateSource,
        // applied by `ccs api` and `create`), the same against AWS and the emulator; the
        // client sends the API's input as it is.
        let harness = try ClientTestHarness(replies: [
            .json(ClientTestHarness.progressEvent(status: "IN_PROGRESS"))
        ])
        let path = FileManager.default.temporaryDirectory.appendingPathComponent(
            "ccs-desired-\(UUID().uuidString).json"
        ).path
        try Data(#"{"LogGroupName":"from-file"}"#.utf8).write(to: URL(fileURLWithPath: path))
        defer { try? FileManager.default.removeItem(atPath: path) }
        _ = try harness.client.createResource(
            CreateResourceInput(typeName: "AWS::Logs::LogGroup", desiredState: path))
        #expect(ClientTestHarness.bodyObject(harness.server.requests[0])["DesiredState"] == path)
    }

    @Test func debugTraceShowsTheExchangeWithoutSecrets() throws {
        let harness = try ClientTestHarness(replies: [
            .json(ClientTestHarness.progressEvent(status: "IN_PROGRESS"))
        ])
        _ = try harness.client.createResource(Self.create)
        let trace = harness.trace
        #expect(trace.contains("canonical request:\nPOST\n/\n"))
        #expect(trace.contains("string to sign:\nAWS4-HMAC-SHA256\n"))
        #expect(trace.contains("> X-Amz-Target: CloudApiService.CreateResource"))
        #expect(trace.contains("< HTTP 200"))
        #expect(trace.contains("Signature=<redacted>"))
        #expect(!trace.contains("harness-session-token"))
        #expect(!trace.contains("harness/secret/key"))
        let signature =
            harness.server.requests[0].header("Authorization")?.components(separatedBy: "Signature=").last
            ?? "?"
        #expect(!trace.contains(signature))
    }

    @Test func callsShareOneConnectionUntilClose() throws {
        let status = ClientTestHarness.progressEvent(status: "SUCCESS")
        let harness = try ClientTestHarness(replies: [.json(status), .json(status), .json(status)])
        let input = GetResourceRequestStatusInput(requestToken: "a1b2c3d4-0000-4000-8000-000000000001")
        _ = try harness.client.getResourceRequestStatus(input)
        _ = try harness.client.getResourceRequestStatus(input)
        #expect(harness.server.connectionCount == 1)
        harness.client.close()
        _ = try harness.client.getResourceRequestStatus(input)
        #expect(harness.server.connectionCount == 2)
    }

    @Test func missingRegionIsAConfigurationError() throws {
        let client = CloudControlClient(
            configuration: ClientConfiguration(region: nil),
            credentials: { ClientTestHarness.credentials },
            transport: CurlTransport(configuration: .init(userAgent: "ccs/test")))
        let error = #expect(throws: EndpointError.self) {
            try client.getResource(GetResourceInput(typeName: "AWS::Logs::LogGroup", identifier: "g1"))
        }
        #expect(error?.message == "Invalid Configuration: Missing Region")
    }
}
