import CCSLanguage
import CloudControl
import Foundation
import Testing

@testable import CCSCloud

/// Conversions behind the values: timestamps, ProgressEvent maps, JSON bridging.
@Suite struct ValueTests {
    @Test(arguments: [
        (0.0, "1970-01-01T00:00:00Z"),
        (1_800_000_000.25, "2027-01-15T08:00:00.250Z"),
        (951_782_400, "2000-02-29T00:00:00Z"),
        (-86_400.5, "1969-12-30T23:59:59.500Z"),
        (4_102_444_799.9996, "2100-01-01T00:00:00Z"),
    ])
    func timestamps(_ seconds: Double, _ expected: String) {
        #expect(ISOTimestamp.string(Date(timeIntervalSince1970: seconds)) == expected)
    }

    @Test func progressEventMapLeavesOutAbsentMembersAndIncludesHooks() {
        let event = ProgressEvent(
            typeName: "AWS::Logs::LogGroup", requestToken: "t", operation: .create, operationStatus: .failed,
            eventTime: Date(timeIntervalSince1970: 0), errorCode: HandlerErrorCode(rawValue: "AlreadyExists"))
        let hooks = [
            HookProgressEvent(
                hookTypeName: "Org::Check::Hook", hookStatus: HookStatus(rawValue: "HOOK_COMPLETE_SUCCEEDED"))
        ]
        let request = RequestValue(event: event, hooks: hooks)
        #expect(
            JSONCodec.encode(event.scriptValue())
                == #"{"TypeName":"AWS::Logs::LogGroup","RequestToken":"t","Operation":"CREATE","OperationStatus":"FAILED","EventTime":"1970-01-01T00:00:00Z","ErrorCode":"AlreadyExists"}"#
        )
        let printed = JSONCodec.encode((try? request.jsonValue()) ?? .null)
        #expect(
            printed.hasSuffix(
                #""HooksProgressEvent":[{"HookTypeName":"Org::Check::Hook","HookStatus":"HOOK_COMPLETE_SUCCEEDED"}]}"#
            ))
        #expect((try? request.field("id")).flatMap { $0 }?.isNull == true)
        #expect(request.token == "t")
    }

    @Test func bridgeRejectsFunctionsAndKeepsNumberKinds() throws {
        let value: Value = .map(
            MapBox(["i": .int(1), "d": .double(1.0), "l": .list(ListBox([.null, .bool(true)]))]))
        let json = try JSONBridge.json(value, "test")
        #expect(JSONCodec.encode(JSONBridge.value(json)) == #"{"i":1,"d":1.0,"l":[null,true]}"#)
        let function: Value = .function(
            FunctionBox(builtin: Builtin("f", arity: 0, doc: "") { _, _ in .null }))
        #expect(throws: ScriptError.self) { _ = try JSONBridge.json(function, "test") }
    }
}
