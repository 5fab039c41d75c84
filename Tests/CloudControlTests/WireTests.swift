import Foundation
import Testing

@testable import CloudControl

struct WireTests {
    @Test(arguments: APIOperation.allCases)
    func targetRoundTrip(_ operation: APIOperation) {
        let target = CloudControlWire.target(for: operation)
        #expect(target == "CloudApiService." + operation.rawValue)
        #expect(CloudControlWire.operation(forTarget: target) == operation)
    }

    @Test func targetsOfOtherServicesAreRejected() {
        #expect(CloudControlWire.operation(forTarget: "DynamoDB_20120810.GetItem") == nil)
        #expect(CloudControlWire.operation(forTarget: "CloudApiService.DescribeType") == nil)
        #expect(CloudControlWire.operation(forTarget: "CloudApiService.") == nil)
        #expect(CloudControlWire.contentType == "application/x-amz-json-1.0")
        #expect(APIOperation.allCases.count == 8)
    }

    @Test func nilMembersAreOmittedAndSlashesKept() throws {
        let body = try CloudControlWire.encodeInput(
            CreateResourceInput(
                typeName: "AWS::Logs::LogGroup", clientToken: "a/b+c=", desiredState: "{\"a\":\"é\\n\"}"))
        #expect(
            String(decoding: body, as: UTF8.self)
                == #"{"TypeName":"AWS::Logs::LogGroup","ClientToken":"a/b+c=","DesiredState":"{\"a\":\"é\\n\"}"}"#
        )
    }

    // MARK: server-side input decoding

    @Test func serverIgnoresUnknownMembersAndTakesEmptyBodyAsEmptyObject() throws {
        let input = try CloudControlWire.decodeInput(
            GetResourceRequestStatusInput.self, body: Array(#"{"RequestToken":"t","Future":1}"#.utf8))
        #expect(input == GetResourceRequestStatusInput(requestToken: "t"))
        #expect(
            try CloudControlWire.decodeInput(ListResourceRequestsInput.self, body: [])
                == ListResourceRequestsInput())
    }

    @Test func serverSkipsAByteOrderMark() throws {
        let body: [UInt8] = [0xEF, 0xBB, 0xBF] + Array(#"{"RequestToken":"t"}"#.utf8)
        let input = try CloudControlWire.decodeInput(GetResourceRequestStatusInput.self, body: body)
        #expect(input == GetResourceRequestStatusInput(requestToken: "t"))
    }

    @Test func serverReportsMissingRequiredMember() {
        let error = #expect(throws: WireInputError.self) {
            try CloudControlWire.decodeInput(
                GetResourceInput.self, body: Array(#"{"TypeName":"AWS::S3::Bucket"}"#.utf8))
        }
        #expect(error == WireInputError(operation: .getResource, path: "Identifier", problem: .missingMember))
        #expect(error?.description == "Invalid input for GetResource: missing required member Identifier")
    }

    @Test func serverReportsMalformedJSON() {
        let error = #expect(throws: WireInputError.self) {
            try CloudControlWire.decodeInput(GetResourceInput.self, body: Array(#"{"TypeName": "#.utf8))
        }
        if case .malformedJSON = error?.problem {
        } else {
            Issue.record("expected malformed JSON, got \(String(describing: error))")
        }
        #expect(throws: WireInputError.self) {
            try CloudControlWire.decodeInput(GetResourceInput.self, body: Array("[1]".utf8))
        }
    }

    // MARK: ccs api input

    @Test func cliInputDecodes() throws {
        let request = try APIRequest.decode(
            operation: .listResourceRequests,
            json: #" {"MaxResults": 5, "ResourceRequestStatusFilter": {"OperationStatuses": ["FAILED"]}} "#)
        #expect(
            request
                == .listResourceRequests(
                    ListResourceRequestsInput(
                        maxResults: 5,
                        resourceRequestStatusFilter: ResourceRequestStatusFilter(operationStatuses: [.failed])
                    )))
        #expect(
            try APIRequest.decode(operation: .listResourceRequests, json: "")
                == .listResourceRequests(ListResourceRequestsInput()))
    }

    static let cliInputErrors: [(String, APIOperation, String, String)] = [
        (
            "unknown member with a near name", .getResource,
            #"{"TypeName":"AWS::S3::Bucket","Identifer":"b"}"#,
            "Invalid input for GetResource: unknown member Identifer; did you mean Identifier?"
        ),
        (
            "unknown member, other case", .listResources, #"{"typeName":"AWS::S3::Bucket"}"#,
            "Invalid input for ListResources: unknown member typeName; did you mean TypeName?"
        ),
        (
            "unknown member, no near name", .getResourceRequestStatus,
            #"{"RequestToken":"t","Colour":"red"}"#,
            "Invalid input for GetResourceRequestStatus: unknown member Colour"
        ),
        (
            "unknown nested member", .listResourceRequests,
            #"{"ResourceRequestStatusFilter":{"Operation":["CREATE"]}}"#,
            "Invalid input for ListResourceRequests: unknown member ResourceRequestStatusFilter.Operation; did you mean Operations?"
        ),
        (
            "string where an integer goes", .listResources,
            #"{"TypeName":"AWS::S3::Bucket","MaxResults":"5"}"#,
            "Invalid input for ListResources: member MaxResults must be an integer, not a string"
        ),
        (
            "fraction where an integer goes", .listResources,
            #"{"TypeName":"AWS::S3::Bucket","MaxResults":2.5}"#,
            "Invalid input for ListResources: member MaxResults must be an integer, not a number"
        ),
        (
            "object where JSON text goes", .createResource,
            #"{"TypeName":"AWS::S3::Bucket","DesiredState":{"BucketName":"b"}}"#,
            "Invalid input for CreateResource: member DesiredState must be a string, not an object"
        ),
        (
            "string where a list goes", .listResourceRequests,
            #"{"ResourceRequestStatusFilter":{"Operations":"CREATE"}}"#,
            "Invalid input for ListResourceRequests: member ResourceRequestStatusFilter.Operations must be an array, not a string"
        ),
        (
            "number in a list of strings", .listResourceRequests,
            #"{"ResourceRequestStatusFilter":{"OperationStatuses":["FAILED",3]}}"#,
            "Invalid input for ListResourceRequests: member ResourceRequestStatusFilter.OperationStatuses[1] must be a string, not a number"
        ),
        (
            "missing required member", .updateResource, #"{"TypeName":"AWS::S3::Bucket","Identifier":"b"}"#,
            "Invalid input for UpdateResource: missing required member PatchDocument"
        ),
        (
            "null required member", .cancelResourceRequest, #"{"RequestToken":null}"#,
            "Invalid input for CancelResourceRequest: missing required member RequestToken"
        ),
        (
            "not an object", .getResource, #"["AWS::S3::Bucket"]"#,
            "Invalid input for GetResource: the input must be an object, not an array"
        ),
    ]

    @Test(arguments: cliInputErrors)
    func cliInputErrorsAreClear(_ name: String, _ operation: APIOperation, _ json: String, _ message: String)
    {
        let error = #expect(throws: WireInputError.self) {
            try APIRequest.decode(operation: operation, json: json)
        }
        #expect(error?.description == message, "\(name)")
    }

    @Test func cliMalformedJSON() {
        let error = #expect(throws: WireInputError.self) {
            try APIRequest.decode(operation: .getResource, json: #"{"TypeName": 'x'}"#)
        }
        #expect(error?.description.hasPrefix("Invalid input for GetResource: not valid JSON") == true)
    }

    // MARK: ccs api output

    @Test func cliRenderingMatchesTheAWSCLI() throws {
        let output = GetResourceRequestStatusOutput(
            progressEvent: ProgressEvent(
                typeName: "AWS::Logs::LogGroup", identifier: "g", requestToken: "t", operation: .create,
                operationStatus: .success, eventTime: Date(timeIntervalSince1970: 1_637_000_000.5),
                resourceModel: #"{"LogGroupName":"g"}"#,
                retryAfter: Date(timeIntervalSince1970: 1_637_000_000)),
            hooksProgressEvent: [])
        let text = try APIResponse.getResourceRequestStatus(output).renderForCLI(
            timeZone: TimeZone(identifier: "UTC")!)
        #expect(
            text == """
                {
                    "ProgressEvent": {
                        "TypeName": "AWS::Logs::LogGroup",
                        "Identifier": "g",
                        "RequestToken": "t",
                        "Operation": "CREATE",
                        "OperationStatus": "SUCCESS",
                        "EventTime": "2021-11-15T18:13:20.500000+00:00",
                        "ResourceModel": "{\\"LogGroupName\\":\\"g\\"}",
                        "RetryAfter": "2021-11-15T18:13:20+00:00"
                    },
                    "HooksProgressEvent": []
                }
                """)
    }

    @Test func isoTimestampsFollowPythonIsoformat() throws {
        let paris = try #require(TimeZone(identifier: "Europe/Paris"))
        let utc = try #require(TimeZone(identifier: "UTC"))
        #expect(
            CloudControlWire.isoTimestamp(Date(timeIntervalSince1970: 0), timeZone: utc)
                == "1970-01-01T00:00:00+00:00")
        #expect(
            CloudControlWire.isoTimestamp(Date(timeIntervalSince1970: 1_637_000_000.25), timeZone: paris)
                == "2021-11-15T19:13:20.250000+01:00")
        #expect(
            CloudControlWire.isoTimestamp(Date(timeIntervalSince1970: 1_690_000_000), timeZone: paris)
                == "2023-07-22T06:26:40+02:00")
        let newYork = try #require(TimeZone(identifier: "America/New_York"))
        #expect(
            CloudControlWire.isoTimestamp(
                Date(timeIntervalSince1970: 1_637_000_000.0000004), timeZone: newYork)
                == "2021-11-15T13:13:20-05:00")
    }

    @Test func emptyOutputRendersAsEmptyObject() throws {
        #expect(try CloudControlWire.renderForCLI(CancelResourceRequestOutput()) == "{}")
    }
}
