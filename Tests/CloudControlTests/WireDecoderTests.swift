import Foundation
import JSONCore
import Testing

@testable import CloudControl

/// `WireDecoder` replaced Foundation's JSONDecoder on the request and response paths. Its
/// failures are worded by `describe` and `inputError`, which were written against
/// Foundation's errors, so both decoders must agree on results and on those messages.
@Suite struct WireDecoderTests {
    func foundation<T: Decodable>(_ type: T.Type, _ body: [UInt8]) -> Result<T, Error> {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .secondsSince1970
        return Result { try decoder.decode(type, from: Data(body)) }
    }

    func mine<T: Decodable>(_ type: T.Type, _ body: [UInt8]) -> Result<T, Error> {
        Result { try WireDecoder().decode(type, from: try JSONValue.parseWireDocument(body)) }
    }

    func compareOutput<T: Decodable & Equatable>(_ type: T.Type, _ text: String) {
        let body = Array(text.utf8)
        switch (foundation(type, body), mine(type, body)) {
        case (.success(let a), .success(let b)): #expect(a == b, "\(text)")
        case (.failure(let a as DecodingError), .failure(let b as DecodingError)):
            #expect(CloudControlWire.describe(a) == CloudControlWire.describe(b), "\(text)")
        case (let a, let b): Issue.record("\(text): \(a) vs \(b)")
        }
    }

    func compareInput<T: Decodable & Equatable & CloudControlInput>(_ type: T.Type, _ text: String) {
        let body = Array(text.utf8)
        guard let document = try? JSONValue.parseWireDocument(body) else { return }
        switch (foundation(type, body), mine(type, body)) {
        case (.success(let a), .success(let b)): #expect(a == b, "\(text)")
        case (.failure(let a as DecodingError), .failure(let b as DecodingError)):
            #expect(
                CloudControlWire.inputError(a, document: document, operation: T.operation).description
                    == CloudControlWire.inputError(b, document: document, operation: T.operation).description,
                "\(text)")
        case (let a, let b): Issue.record("\(text): \(a) vs \(b)")
        }
    }

    @Test func decodesAndFailsAsFoundationDid() {
        let outputs = [
            "{}", "[]", "null", "1", "{\"ProgressEvent\":null}", "{\"ProgressEvent\":{}}",
            #"{"ProgressEvent":{"EventTime":1637000000,"RetryAfter":1637000000.125,"OperationStatus":"SUCCESS","Operation":"CREATE","TypeName":"T","Identifier":"i","RequestToken":"r","StatusMessage":"m","ErrorCode":"Throttling","ResourceModel":"{}"},"Extra":[1,2]}"#,
            #"{"ProgressEvent":{"EventTime":"yesterday"}}"#, #"{"ProgressEvent":{"EventTime":null}}"#,
            #"{"ProgressEvent":{"TypeName":1}}"#, #"{"ProgressEvent":{"TypeName":true}}"#,
            #"{"ProgressEvent":[]}"#, #"{"ProgressEvent":"x"}"#, #"{"ProgressEvent":{"EventTime":1e2}}"#,
            "\u{feff}{}",
        ]
        for text in outputs {
            compareOutput(CreateResourceOutput.self, text)
            compareOutput(GetResourceRequestStatusOutput.self, text)
        }
        let lists = [
            #"{"TypeName":"T","ResourceDescriptions":[{"Identifier":"a","Properties":"{}"},{"Identifier":"b"}],"NextToken":"n"}"#,
            #"{"ResourceDescriptions":[1]}"#, #"{"ResourceDescriptions":[null]}"#, #"{"ResourceDescriptions":{}}"#,
            #"{"ResourceDescriptions":[{"Identifier":5}]}"#, #"{"ResourceDescriptions":null}"#,
            #"{"ResourceRequestStatusSummaries":[{"EventTime":1.5,"OperationStatus":"FAILED"}],"NextToken":null}"#,
            #"{"ResourceRequestStatusSummaries":[{"EventTime":"x"}]}"#, #"{"HooksProgressEvent":[{"HookStatus":"x","FailureMode":"WARN"}]}"#,
        ]
        for text in lists {
            compareOutput(ListResourcesOutput.self, text)
            compareOutput(ListResourceRequestsOutput.self, text)
            compareOutput(GetResourceRequestStatusOutput.self, text)
        }
        let inputs = [
            "{}", #"{"TypeName":"T","Identifier":"i"}"#, #"{"TypeName":null,"Identifier":"i"}"#,
            #"{"TypeName":1,"Identifier":"i"}"#, #"{"TypeName":"T","MaxResults":1.5}"#, #"{"TypeName":"T","MaxResults":10}"#,
            #"{"TypeName":"T","MaxResults":1e40}"#, #"{"TypeName":"T","MaxResults":"10"}"#, #"{"TypeName":"T","MaxResults":2.0}"#,
            #"{"TypeName":"T","MaxResults":-3}"#, #"{"TypeName":"T","DesiredState":"{}","ClientToken":"c"}"#,
            #"{"ResourceRequestStatusFilter":{"Operations":["CREATE",1]}}"#, #"{"ResourceRequestStatusFilter":{"Operations":"CREATE"}}"#,
            #"{"ResourceRequestStatusFilter":{"OperationStatuses":[null]}}"#, #"{"RequestToken":"t"}"#, #"{"RequestToken":[]}"#,
            #"{"TypeName":"T","Identifier":"i","PatchDocument":"[]"}"#, #"{"TypeName":"T","Identifier":{}}"#,
        ]
        for text in inputs {
            compareInput(GetResourceInput.self, text)
            compareInput(ListResourcesInput.self, text)
            compareInput(CreateResourceInput.self, text)
            compareInput(UpdateResourceInput.self, text)
            compareInput(DeleteResourceInput.self, text)
            compareInput(ListResourceRequestsInput.self, text)
            compareInput(GetResourceRequestStatusInput.self, text)
            compareInput(CancelResourceRequestInput.self, text)
        }
        let credentials = [
            #"{"Version":1,"AccessKeyId":"a","SecretAccessKey":"s","SessionToken":"t","Expiration":"2026-01-01T00:00:00Z"}"#,
            #"{"Version":"1","AccessKeyId":"a"}"#, #"{"Version":1.0,"AccessKeyId":"a"}"#, #"{"AccessKeyId":null}"#, "[]",
            #"{"Code":"Success","AccessKeyId":"a","SecretAccessKey":"s","Token":"t","Expiration":"x"}"#, #"{"AccessKeyId":5}"#,
        ]
        for text in credentials {
            let a = try? foundation(CredentialsDocument.self, Array(text.utf8)).get()
            let b = CredentialsDocument.decode(Array(text.utf8))
            #expect((a == nil) == (b == nil), "\(text)")
            #expect(a?.accessKeyId == b?.accessKeyId && a?.version == b?.version && a?.token == b?.token)
        }
    }
}
