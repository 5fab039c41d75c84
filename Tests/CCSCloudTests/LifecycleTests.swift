import CloudControl
import Foundation
import Testing

@testable import CCSCloud

/// create / wait / get / patch (both forms) / delete / cancel through scripts, checked
/// against the engine directly.
@Suite struct LifecycleTests {
    @Test func createWaitGetPatchDelete() throws {
        let h = try CloudHarness()
        let result = h.run(
            """
            let req = create("AWS::Logs::LogGroup", {LogGroupName: "app", RetentionInDays: 7})
            print(type(req), req.op, req.status, req.type, req.id)
            let ev = wait(req)
            print(ev.OperationStatus, req.status)
            let g = get("AWS::Logs::LogGroup", ev.Identifier)
            print(type(g), g.type, g.id, g.props.RetentionInDays)
            print(wait(patch(g, {RetentionInDays: 30})).OperationStatus)
            print(get("AWS::Logs::LogGroup", "app").props.RetentionInDays)
            wait(patch("AWS::Logs::LogGroup", "app", [{op: "remove", path: "/RetentionInDays"}]))
            print(get("AWS::Logs::LogGroup", "app").props?.RetentionInDays)
            print(patch(g, {LogGroupName: "app"}))
            print(wait(delete(g)).Operation)
            """)
        #expect(result.errors == "")
        #expect(
            result.lines == [
                "request CREATE PENDING AWS::Logs::LogGroup app",
                "SUCCESS SUCCESS",
                "resource AWS::Logs::LogGroup app 7",
                "SUCCESS",
                "30",
                "null",
                "null",
                "DELETE",
            ])
        #expect(h.properties("AWS::Logs::LogGroup", "app") == nil)
        #expect(h.service.count(.updateResource) == 2)
        #expect(h.service.count(.deleteResource) == 1)
    }

    @Test func patchSendsOnlyTheMinimalDiff() throws {
        let h = try CloudHarness()
        try h.seed("AWS::Logs::LogGroup", [#"{"LogGroupName":"g","RetentionInDays":7}"#])
        let result = h.run(
            """
            let r = wait(patch("AWS::Logs::LogGroup", "g", {RetentionInDays: 14, KmsKeyId: null}))
            print(r.OperationStatus)
            print(get("AWS::Logs::LogGroup", "g").props.RetentionInDays)
            """)
        #expect(result.errors == "")
        #expect(result.lines == ["SUCCESS", "14"])
        #expect(h.service.count(.getResource) == 2)
    }

    @Test func desiredStateFromJSONStringAndFile() throws {
        let h = try CloudHarness()
        let path = FileManager.default.temporaryDirectory.appendingPathComponent(
            "ccs-desired-\(UUID().uuidString).json"
        ).path
        try Data(#"{"LogGroupName": "from-file"}"#.utf8).write(to: URL(fileURLWithPath: path))
        defer { try? FileManager.default.removeItem(atPath: path) }
        let result = h.run(
            """
            wait(create("AWS::Logs::LogGroup", "{\\"LogGroupName\\": \\"from-string\\"}"))
            wait(create("AWS::Logs::LogGroup", "\(path)"))
            print(sort(map(list("AWS::Logs::LogGroup"), fn (r) => r.id)))
            try { create("AWS::Logs::LogGroup", "/no/such/file.json") } catch e { print(e.code) }
            """)
        #expect(result.errors == "")
        #expect(result.lines == [#"["from-file","from-string"]"#, "IOError"])
    }

    @Test func cancelEndsInCancelComplete() throws {
        let h = try CloudHarness(latency: 5)
        let result = h.run(
            """
            let req = create("AWS::Logs::LogGroup", {LogGroupName: "slow"})
            let c = cancel(req)
            print(type(c), c.token == req.token)
            try { wait(req) } catch e { print(e.code, e.status, e.request.status) }
            print(status(req.token).status)
            """)
        #expect(result.errors == "")
        #expect(
            result.lines == [
                "request true", "RequestCancelled CANCEL_COMPLETE CANCEL_COMPLETE", "CANCEL_COMPLETE",
            ])
        #expect(h.properties("AWS::Logs::LogGroup", "slow") == nil)
    }

    @Test func compoundIdentifierAsMapIsJoinedInSchemaOrder() throws {
        let h = try CloudHarness()
        try h.seed("AWS::Logs::LogGroup", [#"{"LogGroupName":"parent"}"#])
        try h.seed("AWS::Logs::LogStream", [#"{"LogGroupName":"parent","LogStreamName":"s1"}"#])
        let result = h.run(
            """
            let s = get("AWS::Logs::LogStream", {LogStreamName: "s1", LogGroupName: "parent"})
            print(s.id)
            print(get("AWS::Logs::LogStream", "parent|s1").props.LogStreamName)
            try { get("AWS::Logs::LogStream", {LogStreamName: "s1"}) } catch e { print(e.code, e.message) }
            """)
        #expect(result.errors == "")
        #expect(
            result.lines == [
                "parent|s1", "s1",
                "KeyError get: the identifier map lacks 'LogGroupName' (AWS::Logs::LogStream is identified by LogGroupName, LogStreamName)",
            ])
    }

    @Test func resourceAndRequestValuesPrintAsTheirJSON() throws {
        let h = try CloudHarness(latency: 0)
        let result = h.run(
            """
            let req = create("AWS::Logs::LogGroup", {LogGroupName: "p"})
            print(keys(req.event))
            print(req.event.EventTime)
            let r = get("AWS::Logs::LogGroup", "p")
            print(r)
            print(query(r, "$.LogGroupName"))
            """)
        #expect(result.errors == "")
        #expect(result.lines.count == 4)
        #expect(result.lines.first?.hasPrefix(#"["TypeName","Identifier","RequestToken""#) == true)
        #expect(result.lines[1] == "2027-01-15T08:00:00Z")
        #expect(
            result.lines[2]
                == #"{"TypeName":"AWS::Logs::LogGroup","Identifier":"p","Properties":{"LogGroupName":"p","Arn":"arn:aws:logs:us-east-1:123456789012:log-group:p:*","LogGroupClass":"STANDARD"}}"#
        )
        #expect(result.lines[3] == #"["p"]"#)
    }
}
