import CloudControl
import CloudControlServer
import Foundation
import NIOConcurrencyHelpers
import SigV4
import Testing

/// The awsJson1_0 front end over real HTTP, against the real engine: operations, the
/// protocol's own errors, and the engine's errors with their `__type` and status.
@Suite struct CloudControlAPITests {
    @Test func createThenGetOverHTTP() throws {
        let emulator = try EmulatorTestServer()
        let created = try emulator.call(
            CreateResourceInput(typeName: "AWS::Logs::LogGroup", clientToken: "t-1", desiredState: #"{"LogGroupName":"app"}"#))
        #expect(created.progressEvent?.operationStatus == .success)
        #expect(created.progressEvent?.identifier == "app")
        let found = try emulator.call(GetResourceInput(typeName: "AWS::Logs::LogGroup", identifier: "app"))
        #expect(found.resourceDescription?.identifier == "app")
        #expect(found.resourceDescription?.properties?.contains(#""LogGroupName":"app""#) == true)
    }

    @Test func everyResponseCarriesARequestIdAndTheProtocolContentType() throws {
        let emulator = try EmulatorTestServer()
        let ok = try emulator.call(.listResources, #"{"TypeName":"AWS::S3::Bucket"}"#)
        let failed = try emulator.call(.getResource, #"{"TypeName":"AWS::S3::Bucket","Identifier":"nope"}"#)
        let unsigned = try emulator.send(emulator.requestBytes(target: "CloudApiService.ListResources", body: "{}", credentials: nil))
        for response in [ok, failed, unsigned] {
            #expect(response.header("x-amzn-RequestId")?.count == 36)
            #expect(response.header("Content-Type") == "application/x-amz-json-1.0")
            #expect(response.header("Date")?.hasSuffix(" GMT") == true)
        }
        #expect(ok.status == 200)
        #expect(Set([ok, failed, unsigned].compactMap { $0.header("x-amzn-RequestId") }).count == 3)
    }

    @Test func logsOneLinePerRequest() throws {
        let lines = NIOLockedValueBox<[String]>([])
        let emulator = try EmulatorTestServer(log: { line in lines.withLockedValue { $0.append(line) } })
        _ = try emulator.call(.listResources, #"{"TypeName":"AWS::S3::Bucket"}"#)
        _ = try emulator.send(emulator.requestBytes(target: "CloudApiService.GetResource", body: "{}", credentials: nil))
        let logged = lines.withLockedValue { $0 }
        #expect(logged.count == 2)
        #expect(logged.first?.hasPrefix("ListResources 200 ") == true, "\(logged)")
        #expect(logged.last?.hasPrefix("GetResource 403 MissingAuthenticationTokenException ") == true, "\(logged)")
    }

    struct ErrorCase: CustomTestStringConvertible, Sendable {
        var name: String
        var operation: APIOperation
        var body: String
        var status: Int
        var type: String
        var messageContains: String
        var testDescription: String { name }
    }

    /// Errors of the engine, in the awsJson1_0 shape with the status of the model (400).
    static let engineErrors: [ErrorCase] = [
        ErrorCase(
            name: "ResourceNotFound", operation: .getResource, body: #"{"TypeName":"AWS::S3::Bucket","Identifier":"missing"}"#,
            status: 400, type: "ResourceNotFoundException", messageContains: "missing"),
        ErrorCase(
            name: "TypeNotFound", operation: .listResources, body: #"{"TypeName":"AWS::Nope::Thing"}"#,
            status: 400, type: "TypeNotFoundException", messageContains: "AWS::Nope::Thing"),
        ErrorCase(
            name: "RequestTokenNotFound", operation: .getResourceRequestStatus, body: #"{"RequestToken":"no-such-token"}"#,
            status: 400, type: "RequestTokenNotFoundException", messageContains: "no-such-token"),
        ErrorCase(
            name: "InvalidRequest", operation: .createResource,
            body: #"{"TypeName":"AWS::Logs::LogGroup","DesiredState":"[1]"}"#,
            status: 400, type: "InvalidRequestException", messageContains: "DesiredState"),
        ErrorCase(
            name: "ClientTokenConflict", operation: .createResource,
            body: #"{"TypeName":"AWS::Logs::LogGroup","ClientToken":"seeded","DesiredState":"{\"LogGroupName\":\"other\"}"}"#,
            status: 400, type: "ClientTokenConflictException", messageContains: "seeded"),
        ErrorCase(
            name: "ChildListWithoutParent", operation: .listResources, body: #"{"TypeName":"AWS::EKS::Nodegroup"}"#,
            status: 400, type: "InvalidRequestException", messageContains: "ClusterName"),
    ]

    /// What the front end answers itself.
    static let protocolErrors: [ErrorCase] = [
        ErrorCase(
            name: "malformed JSON", operation: .listResources, body: #"{"TypeName": "#,
            status: 400, type: "SerializationException", messageContains: "not valid JSON"),
        ErrorCase(
            name: "body is not an object", operation: .listResources, body: "[1,2]",
            status: 400, type: "SerializationException", messageContains: "must be an object"),
        ErrorCase(
            name: "member of the wrong type", operation: .listResources, body: #"{"TypeName":42}"#,
            status: 400, type: "SerializationException", messageContains: "TypeName"),
        ErrorCase(
            name: "missing required member", operation: .getResource, body: #"{"TypeName":"AWS::S3::Bucket"}"#,
            status: 400, type: "ValidationException", messageContains: "Identifier"),
        ErrorCase(
            name: "constraint violated", operation: .getResource, body: #"{"TypeName":"bad","Identifier":"x"}"#,
            status: 400, type: "ValidationException", messageContains: "TypeName"),
    ]

    @Test(arguments: engineErrors + protocolErrors)
    func answersErrorsInTheProtocolShape(_ errorCase: ErrorCase) throws {
        let emulator = try EmulatorTestServer()
        // One request with a ClientToken, for the conflict case to reuse.
        _ = try emulator.call(
            CreateResourceInput(typeName: "AWS::Logs::LogGroup", clientToken: "seeded", desiredState: #"{"LogGroupName":"seeded"}"#))
        let response = try emulator.call(errorCase.operation, errorCase.body)
        #expect(response.status == errorCase.status)
        let body = try ErrorBody(response)
        #expect(body.type == errorCase.type)
        #expect(body.message.contains(errorCase.messageContains), "message: \(body.message)")
        #expect(response.header("x-amzn-ErrorType") == errorCase.type)
    }

    /// A second create of one identifier is accepted and ends FAILED with ErrorCode
    /// AlreadyExists (docs/EMULATOR.md, "Errors"); an update while another request on the
    /// resource is unfinished is refused at once.
    @Test func alreadyExistsFailsTheRequest() throws {
        let emulator = try EmulatorTestServer()
        let body = #"{"TypeName":"AWS::SQS::Queue","DesiredState":"{\"QueueName\":\"q1\"}"}"#
        #expect(try emulator.call(.createResource, body).status == 200)
        let second = try emulator.call(.createResource, body)
        #expect(second.status == 200)
        let event = try CloudControlWire.decodeOutput(CreateResourceOutput.self, body: second.body).progressEvent
        #expect(event?.operationStatus == .failed)
        #expect(event?.errorCode?.rawValue == "AlreadyExists")
    }

    @Test func cancelOfAFinishedRequestIsRefused() throws {
        let emulator = try EmulatorTestServer()
        let created = try emulator.call(
            CreateResourceInput(typeName: "AWS::SNS::Topic", desiredState: #"{"TopicName":"t"}"#))
        let token = try #require(created.progressEvent?.requestToken)
        let response = try emulator.call(.cancelResourceRequest, #"{"RequestToken":"\#(token)"}"#)
        // The model marks ConcurrentModificationException as a fault: 500 (Smithy @error("server")).
        #expect(response.status == 500)
        #expect(try ErrorBody(response).type == "ConcurrentModificationException")
    }

    struct TargetCase: CustomTestStringConvertible, Sendable {
        var name: String
        var target: String?
        var contentType: String?
        var method = "POST"
        var path = "/"
        var status: Int
        var type: String?
        var testDescription: String { name }
    }

    static let targetCases: [TargetCase] = [
        TargetCase(name: "unknown operation", target: "CloudApiService.DescribeEverything", contentType: CloudControlWire.contentType, status: 400, type: "UnknownOperationException"),
        TargetCase(name: "other service's prefix", target: "DynamoDB_20120810.ListTables", contentType: CloudControlWire.contentType, status: 400, type: "UnknownOperationException"),
        TargetCase(name: "no target", target: nil, contentType: CloudControlWire.contentType, status: 400, type: "UnknownOperationException"),
        TargetCase(name: "wrong content type", target: "CloudApiService.ListResources", contentType: "text/plain", status: 415, type: "UnsupportedMediaTypeException"),
        TargetCase(name: "no content type", target: "CloudApiService.ListResources", contentType: nil, status: 415, type: "UnsupportedMediaTypeException"),
        TargetCase(name: "other path", target: "CloudApiService.ListResources", contentType: CloudControlWire.contentType, path: "/v1", status: 404, type: "UnknownOperationException"),
        TargetCase(name: "GET", target: "CloudApiService.ListResources", contentType: CloudControlWire.contentType, method: "GET", status: 405, type: "UnknownOperationException"),
        TargetCase(name: "application/json accepted", target: "CloudApiService.ListResources", contentType: "application/json", status: 200, type: nil),
        TargetCase(name: "charset parameter accepted", target: "CloudApiService.ListResources", contentType: "application/x-amz-json-1.0; charset=utf-8", status: 200, type: nil),
    ]

    @Test(arguments: targetCases)
    func routesByTargetPathMethodAndContentType(_ targetCase: TargetCase) throws {
        let emulator = try EmulatorTestServer()
        let bytes = emulator.requestBytes(
            target: targetCase.target, body: #"{"TypeName":"AWS::S3::Bucket"}"#, contentType: targetCase.contentType,
            method: targetCase.method, path: targetCase.path)
        let response = try emulator.send(bytes)
        #expect(response.status == targetCase.status)
        if let type = targetCase.type {
            #expect(try ErrorBody(response).type == type)
        } else {
            #expect(try CloudControlWire.decodeOutput(ListResourcesOutput.self, body: response.body).typeName == "AWS::S3::Bucket")
        }
    }

    @Test func refusesAnOversizedBodyWithAProtocolError() throws {
        let emulator = try EmulatorTestServer(limits: HTTPServerLimits(maxBodyBytes: 2048))
        let desired = String(repeating: "a", count: 4000)
        let response = try emulator.call(.createResource, #"{"TypeName":"AWS::S3::Bucket","DesiredState":"\#(desired)"}"#)
        #expect(response.status == 413)
        let body = try ErrorBody(response)
        #expect(body.type == "RequestEntityTooLargeException")
        #expect(body.message.contains("2048 bytes"))
    }

    @Test func refusesOversizedHeadersWithAProtocolError() throws {
        let emulator = try EmulatorTestServer(limits: HTTPServerLimits(maxHeaderFieldBytes: 1024, maxHeaderListBytes: 4096))
        let bytes = emulator.requestBytes(target: "CloudApiService.ListResources", body: "{}") { headers, _ in
            headers.append(("X-Padding", String(repeating: "p", count: 3000)))
        }
        let response = try emulator.send(bytes)
        #expect(response.status == 431)
        #expect(try ErrorBody(response).type == "RequestHeaderFieldsTooLargeException")
    }
}
