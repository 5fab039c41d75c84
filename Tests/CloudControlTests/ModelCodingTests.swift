import Foundation
import Testing

@testable import CloudControl

/// JSON round trips of every input and output shape against hand-written wire JSON: decoding
/// gives the expected value, and encoding it gives back the same bytes (members in model
/// order, nil members omitted, timestamps as epoch seconds).
struct ModelCodingTests {
    static let eventJSON = """
        {"TypeName":"AWS::Logs::LogGroup","Identifier":"g1","RequestToken":"tok-1","HooksRequestToken":"hk-1",\
        "Operation":"CREATE","OperationStatus":"FAILED","EventTime":1700000000.5,\
        "ResourceModel":"{\\"LogGroupName\\":\\"g1\\"}","StatusMessage":"boom","ErrorCode":"NotFound",\
        "RetryAfter":1700000005}
        """

    static let event = ProgressEvent(
        typeName: "AWS::Logs::LogGroup", identifier: "g1", requestToken: "tok-1", hooksRequestToken: "hk-1",
        operation: .create, operationStatus: .failed, eventTime: Date(timeIntervalSince1970: 1_700_000_000.5),
        resourceModel: #"{"LogGroupName":"g1"}"#, statusMessage: "boom", errorCode: .notFound,
        retryAfter: Date(timeIntervalSince1970: 1_700_000_005))

    func checkOutput<Output: CloudControlOutput>(_ json: String, _ expected: Output) throws {
        let decoded = try CloudControlWire.decodeOutput(Output.self, body: Array(json.utf8))
        #expect(decoded == expected)
        let encoded = String(decoding: try CloudControlWire.encodeOutput(expected), as: UTF8.self)
        #expect(encoded == json)
    }

    func checkInput<Input: CloudControlInput>(_ json: String, _ expected: Input) throws {
        let decoded = try CloudControlWire.decodeInput(Input.self, body: Array(json.utf8))
        #expect(decoded == expected)
        let encoded = String(decoding: try CloudControlWire.encodeInput(expected), as: UTF8.self)
        #expect(encoded == json)
    }

    @Test func createResource() throws {
        try checkInput(
            #"{"TypeName":"AWS::Logs::LogGroup","TypeVersionId":"00000001","RoleArn":"arn:aws:iam::123456789012:role/r","ClientToken":"ct-1","DesiredState":"{\"LogGroupName\":\"g\"}"}"#,
            CreateResourceInput(
                typeName: "AWS::Logs::LogGroup", typeVersionId: "00000001",
                roleArn: "arn:aws:iam::123456789012:role/r", clientToken: "ct-1",
                desiredState: #"{"LogGroupName":"g"}"#))
        try checkInput(
            #"{"TypeName":"AWS::Logs::LogGroup","DesiredState":"{}"}"#,
            CreateResourceInput(typeName: "AWS::Logs::LogGroup", desiredState: "{}"))
        try checkOutput(
            #"{"ProgressEvent":\#(Self.eventJSON)}"#, CreateResourceOutput(progressEvent: Self.event))
        try checkOutput("{}", CreateResourceOutput())
    }

    @Test func getResource() throws {
        try checkInput(
            #"{"TypeName":"AWS::S3::Bucket","TypeVersionId":"v1","RoleArn":"arn:aws:iam::123456789012:role/r","Identifier":"b"}"#,
            GetResourceInput(
                typeName: "AWS::S3::Bucket", typeVersionId: "v1", roleArn: "arn:aws:iam::123456789012:role/r",
                identifier: "b"))
        try checkOutput(
            #"{"TypeName":"AWS::S3::Bucket","ResourceDescription":{"Identifier":"b","Properties":"{\"BucketName\":\"b\"}"}}"#,
            GetResourceOutput(
                typeName: "AWS::S3::Bucket",
                resourceDescription: ResourceDescription(identifier: "b", properties: #"{"BucketName":"b"}"#))
        )
    }

    @Test func updateResource() throws {
        try checkInput(
            #"{"TypeName":"AWS::S3::Bucket","TypeVersionId":"v1","RoleArn":"arn:aws:iam::123456789012:role/r","ClientToken":"c","Identifier":"b","PatchDocument":"[{\"op\":\"remove\",\"path\":\"/Tags\"}]"}"#,
            UpdateResourceInput(
                typeName: "AWS::S3::Bucket", typeVersionId: "v1", roleArn: "arn:aws:iam::123456789012:role/r",
                clientToken: "c", identifier: "b", patchDocument: #"[{"op":"remove","path":"/Tags"}]"#))
        try checkOutput(
            #"{"ProgressEvent":\#(Self.eventJSON)}"#, UpdateResourceOutput(progressEvent: Self.event))
    }

    @Test func deleteResource() throws {
        try checkInput(
            #"{"TypeName":"AWS::S3::Bucket","TypeVersionId":"v1","RoleArn":"arn:aws:iam::123456789012:role/r","ClientToken":"c","Identifier":"b"}"#,
            DeleteResourceInput(
                typeName: "AWS::S3::Bucket", typeVersionId: "v1", roleArn: "arn:aws:iam::123456789012:role/r",
                clientToken: "c", identifier: "b"))
        try checkOutput(
            #"{"ProgressEvent":\#(Self.eventJSON)}"#, DeleteResourceOutput(progressEvent: Self.event))
    }

    @Test func listResources() throws {
        try checkInput(
            #"{"TypeName":"AWS::EKS::Nodegroup","TypeVersionId":"v1","RoleArn":"arn:aws:iam::123456789012:role/r","NextToken":"n1","MaxResults":50,"ResourceModel":"{\"ClusterName\":\"c\"}"}"#,
            ListResourcesInput(
                typeName: "AWS::EKS::Nodegroup", typeVersionId: "v1",
                roleArn: "arn:aws:iam::123456789012:role/r",
                nextToken: "n1", maxResults: 50, resourceModel: #"{"ClusterName":"c"}"#))
        try checkOutput(
            #"{"TypeName":"AWS::EKS::Nodegroup","ResourceDescriptions":[{"Identifier":"a","Properties":"{}"},{"Identifier":"b"}],"NextToken":"n2"}"#,
            ListResourcesOutput(
                typeName: "AWS::EKS::Nodegroup",
                resourceDescriptions: [
                    ResourceDescription(identifier: "a", properties: "{}"),
                    ResourceDescription(identifier: "b"),
                ], nextToken: "n2"))
        try checkOutput(
            #"{"ResourceDescriptions":[]}"#, ListResourcesOutput(resourceDescriptions: []))
    }

    @Test func getResourceRequestStatus() throws {
        try checkInput(#"{"RequestToken":"tok-1"}"#, GetResourceRequestStatusInput(requestToken: "tok-1"))
        let hooksJSON = """
            [{"HookTypeName":"Org::Sec::Check","HookTypeVersionId":"00000002",\
            "HookTypeArn":"arn:aws:cloudformation:eu-west-3:123456789012:type/hook/Org-Sec-Check",\
            "InvocationPoint":"PRE_PROVISION","HookStatus":"HOOK_COMPLETE_FAILED","HookEventTime":1700000001.25,\
            "HookStatusMessage":"denied","FailureMode":"FAIL"},{"HookStatus":"HOOK_SOMETHING_NEW","FailureMode":"AUDIT"}]
            """
        let hooks: HooksProgressEvent = [
            HookProgressEvent(
                hookTypeName: "Org::Sec::Check", hookTypeVersionId: "00000002",
                hookTypeArn: "arn:aws:cloudformation:eu-west-3:123456789012:type/hook/Org-Sec-Check",
                invocationPoint: .preProvision, hookStatus: .hookCompleteFailed,
                hookEventTime: Date(timeIntervalSince1970: 1_700_000_001.25), hookStatusMessage: "denied",
                failureMode: .fail),
            HookProgressEvent(hookStatus: HookStatus(rawValue: "HOOK_SOMETHING_NEW"), failureMode: "AUDIT"),
        ]
        try checkOutput(
            #"{"ProgressEvent":\#(Self.eventJSON),"HooksProgressEvent":\#(hooksJSON)}"#,
            GetResourceRequestStatusOutput(progressEvent: Self.event, hooksProgressEvent: hooks))
    }

    @Test func listResourceRequests() throws {
        try checkInput(
            #"{"MaxResults":10,"NextToken":"abc=","ResourceRequestStatusFilter":{"Operations":["CREATE","DELETE"],"OperationStatuses":["PENDING","CANCEL_COMPLETE"]}}"#,
            ListResourceRequestsInput(
                maxResults: 10, nextToken: "abc=",
                resourceRequestStatusFilter: ResourceRequestStatusFilter(
                    operations: [.create, .delete], operationStatuses: [.pending, .cancelComplete])))
        try checkInput("{}", ListResourceRequestsInput())
        try checkOutput(
            #"{"ResourceRequestStatusSummaries":[\#(Self.eventJSON),{"OperationStatus":"IN_PROGRESS"}],"NextToken":"n"}"#,
            ListResourceRequestsOutput(
                resourceRequestStatusSummaries: [Self.event, ProgressEvent(operationStatus: .inProgress)],
                nextToken: "n"))
    }

    @Test func cancelResourceRequest() throws {
        try checkInput(#"{"RequestToken":"tok-1"}"#, CancelResourceRequestInput(requestToken: "tok-1"))
        try checkOutput(
            #"{"ProgressEvent":{"RequestToken":"tok-1","Operation":"UPDATE","OperationStatus":"CANCEL_IN_PROGRESS"}}"#,
            CancelResourceRequestOutput(
                progressEvent: ProgressEvent(
                    requestToken: "tok-1", operation: .update, operationStatus: .cancelInProgress)))
    }

    @Test func unknownEnumValuesAreKept() throws {
        let json =
            #"{"ProgressEvent":{"Operation":"IMPORT","OperationStatus":"PAUSED","ErrorCode":"QuotaGone"}}"#
        let output = try CloudControlWire.decodeOutput(
            GetResourceRequestStatusOutput.self, body: Array(json.utf8))
        let event = try #require(output.progressEvent)
        #expect(event.operation == ResourceOperation(rawValue: "IMPORT"))
        #expect(event.operation?.isKnown == false)
        #expect(event.operationStatus?.rawValue == "PAUSED")
        #expect(event.errorCode?.rawValue == "QuotaGone")
        #expect(String(decoding: try CloudControlWire.encodeOutput(output), as: UTF8.self) == json)
        #expect(OperationStatus.success.isKnown)
        #expect(HandlerErrorCode.knownValues.count == 16)
    }

    @Test func unknownMembersOfAResponseAreIgnored() throws {
        let json = #"{"ProgressEvent":{"OperationStatus":"SUCCESS","Brand":"new"},"Extra":[1,2]}"#
        let output = try CloudControlWire.decodeOutput(CreateResourceOutput.self, body: Array(json.utf8))
        #expect(output == CreateResourceOutput(progressEvent: ProgressEvent(operationStatus: .success)))
    }

    @Test func integralAndFractionalEpochSeconds() throws {
        let json = #"{"ProgressEvent":{"EventTime":1637000000,"RetryAfter":1637000000.125}}"#
        let output = try CloudControlWire.decodeOutput(CreateResourceOutput.self, body: Array(json.utf8))
        #expect(output.progressEvent?.eventTime == Date(timeIntervalSince1970: 1_637_000_000))
        #expect(output.progressEvent?.retryAfter == Date(timeIntervalSince1970: 1_637_000_000.125))
        #expect(String(decoding: try CloudControlWire.encodeOutput(output), as: UTF8.self) == json)
    }

    @Test func outputThatDoesNotFitNamesTheMember() throws {
        let json = #"{"ProgressEvent":{"EventTime":"yesterday"}}"#
        let error = #expect(throws: ResponseDecodingError.self) {
            try CloudControlWire.decodeOutput(CreateResourceOutput.self, status: 200, body: Array(json.utf8))
        }
        #expect(error?.reason == "ProgressEvent.EventTime: expected a number")
        #expect(error?.status == 200)
    }
}
