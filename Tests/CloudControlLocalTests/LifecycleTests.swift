import Foundation
import JSONCore
import Testing

@testable import CloudControlLocal

@Suite struct LifecycleTests {
    let group = #"{"LogGroupName":"/app/a","RetentionInDays":7}"#

    @Test func requestMovesThroughPhasesAndAppliesOnlyOnSuccess() throws {
        let clock = ManualClock()
        let engine = try Support.engine(latency: 2, clock: clock)
        let t0 = clock.now()
        let created = try engine.create(
            typeName: "AWS::Logs::LogGroup", desiredState: group, clientToken: nil)
        #expect(created.operationStatus == .pending)
        #expect(created.operation == .create)
        #expect(created.identifier == "/app/a")
        #expect(created.eventTime == Date(timeIntervalSince1970: t0))
        #expect(created.retryAfter == Date(timeIntervalSince1970: t0 + 2))
        expectLocalError("ResourceNotFoundException") {
            _ = try engine.get(typeName: "AWS::Logs::LogGroup", identifier: "/app/a")
        }

        clock.advance(2)
        let running = try engine.status(requestToken: created.requestToken ?? "")
        #expect(running.operationStatus == .inProgress)
        #expect(running.retryAfter == Date(timeIntervalSince1970: t0 + 4))
        #expect(running.eventTime == Date(timeIntervalSince1970: t0 + 2))
        expectLocalError("ResourceNotFoundException") {
            _ = try engine.get(typeName: "AWS::Logs::LogGroup", identifier: "/app/a")
        }

        clock.advance(2)
        let done = try engine.status(requestToken: created.requestToken ?? "")
        #expect(done.operationStatus == .success)
        #expect(done.retryAfter == nil)
        #expect(done.errorCode == nil)
        let model = try Support.json(try #require(done.resourceModel))
        #expect(model["Arn"] == "arn:aws:logs:us-east-1:123456789012:log-group:/app/a:*")
        let got = try engine.get(typeName: "AWS::Logs::LogGroup", identifier: "/app/a")
        #expect(try Support.json(got.properties)["RetentionInDays"] == 7)
    }

    @Test func cancelBeforeCompletionAppliesNothing() throws {
        let clock = ManualClock()
        let engine = try Support.engine(latency: 1, clock: clock)
        let created = try engine.create(
            typeName: "AWS::Logs::LogGroup", desiredState: group, clientToken: nil)
        clock.advance(1.5)
        let cancelling = try engine.cancel(requestToken: created.requestToken ?? "")
        #expect(cancelling.operationStatus == .cancelInProgress)
        #expect(cancelling.retryAfter == Date(timeIntervalSince1970: clock.now() + 1))
        #expect(try engine.cancel(requestToken: created.requestToken ?? "").operationStatus == .cancelInProgress)
        clock.advance(1)
        #expect(try engine.status(requestToken: created.requestToken ?? "").operationStatus == .cancelComplete)
        expectLocalError("ResourceNotFoundException") {
            _ = try engine.get(typeName: "AWS::Logs::LogGroup", identifier: "/app/a")
        }
        let message = expectLocalError("ConcurrentModificationException") {
            _ = try engine.cancel(requestToken: created.requestToken ?? "")
        }
        #expect(message.contains("CANCEL_COMPLETE"))
        // The identifier is free again.
        clock.advance(10)
        #expect(
            try engine.create(typeName: "AWS::Logs::LogGroup", desiredState: group, clientToken: nil).operationStatus
                == .pending)
    }

    @Test func cancelOfAFinishedRequestIsRefused() throws {
        let engine = try Support.engine()
        let created = try engine.create(
            typeName: "AWS::Logs::LogGroup", desiredState: group, clientToken: nil)
        #expect(created.operationStatus == .success)
        expectLocalError("ConcurrentModificationException") {
            _ = try engine.cancel(requestToken: created.requestToken ?? "")
        }
        expectLocalError("RequestTokenNotFoundException") {
            _ = try engine.cancel(requestToken: "no-such-token")
        }
        expectLocalError("RequestTokenNotFoundException") {
            _ = try engine.status(requestToken: "no-such-token")
        }
    }

    @Test func oneOperationAtATimePerResource() throws {
        let clock = ManualClock()
        let engine = try Support.engine(latency: 1, clock: clock)
        _ = try engine.create(typeName: "AWS::Logs::LogGroup", desiredState: group, clientToken: nil)
        expectLocalError("ConcurrentOperationException") {
            _ = try engine.create(typeName: "AWS::Logs::LogGroup", desiredState: group, clientToken: nil)
        }
        // Another resource is not affected.
        #expect(
            try engine.create(
                typeName: "AWS::Logs::LogGroup", desiredState: #"{"LogGroupName":"/app/b"}"#, clientToken: nil
            ).operationStatus == .pending)
        clock.advance(2)
        let update = try engine.update(
            typeName: "AWS::Logs::LogGroup", identifier: "/app/a",
            patchDocument: #"[{"op":"replace","path":"/RetentionInDays","value":30}]"#, clientToken: nil)
        expectLocalError("ConcurrentOperationException") {
            _ = try engine.delete(typeName: "AWS::Logs::LogGroup", identifier: "/app/a", clientToken: nil)
        }
        clock.advance(2)
        #expect(try engine.status(requestToken: update.requestToken ?? "").operationStatus == .success)
        #expect(
            try engine.delete(typeName: "AWS::Logs::LogGroup", identifier: "/app/a", clientToken: nil).operationStatus
                == .pending)
    }

    @Test func alreadyExistsIsAFailedProgressEvent() throws {
        let engine = try Support.engine()
        _ = try engine.create(typeName: "AWS::Logs::LogGroup", desiredState: group, clientToken: nil)
        let again = try engine.create(typeName: "AWS::Logs::LogGroup", desiredState: group, clientToken: nil)
        #expect(again.operationStatus == .failed)
        #expect(again.errorCode == "AlreadyExists")
        #expect(
            again.statusMessage
                == "Resource of type 'AWS::Logs::LogGroup' with identifier '/app/a' already exists.")
    }

    @Test func missingResourcesAndMalformedInput() throws {
        let engine = try Support.engine()
        expectLocalError("ResourceNotFoundException") {
            _ = try engine.delete(typeName: "AWS::Logs::LogGroup", identifier: "/none", clientToken: nil)
        }
        expectLocalError("ResourceNotFoundException") {
            _ = try engine.update(
                typeName: "AWS::Logs::LogGroup", identifier: "/none", patchDocument: "[]", clientToken: nil)
        }
        let m1 = expectLocalError("InvalidRequestException") {
            _ = try engine.create(typeName: "AWS::Logs::LogGroup", desiredState: "{", clientToken: nil)
        }
        #expect(m1.hasPrefix("DesiredState is not valid JSON"))
        let m2 = expectLocalError("InvalidRequestException") {
            _ = try engine.create(typeName: "AWS::Logs::LogGroup", desiredState: "[]", clientToken: nil)
        }
        #expect(m2 == "DesiredState must be a JSON object, got array")
        let m3 = expectLocalError("InvalidRequestException") {
            _ = try engine.update(
                typeName: "AWS::Logs::LogGroup", identifier: "/x", patchDocument: #"[{"op":"add"}]"#,
                clientToken: nil)
        }
        #expect(
            m3 == "PatchDocument is not a valid JSON Patch: patch operation 0 (add): missing 'path' member")
        let m4 = expectLocalError("InvalidRequestException") {
            _ = try engine.get(typeName: "AWS::Logs::MetricFilter", identifier: "only-one-part")
        }
        #expect(m4.contains("has 1 part(s), AWS::Logs::MetricFilter expects 2"))
    }

    @Test func schemaViolationsAreASynchronousValidationException() throws {
        let engine = try Support.engine()
        let message = expectLocalError("ValidationException") {
            _ = try engine.create(
                typeName: "AWS::Logs::LogGroup",
                desiredState: #"{"LogGroupName":"/x","RetentionInDays":"seven","Tags":[{"Key":1,"Value":"v"}],"Id":1}"#,
                clientToken: nil)
        }
        #expect(message.hasPrefix("Model validation failed (#"))
        #expect(message.contains("#/RetentionInDays: expected integer, got string"))
        #expect(message.contains("\n    #/Tags/0/Key: expected string, got integer"))
        #expect(message.contains("#: extraneous key [Id] is not permitted"))
        #expect(message.hasSuffix(")"))
        let required = expectLocalError("ValidationException") {
            _ = try engine.create(typeName: "AWS::Logs::LogStream", desiredState: "{}", clientToken: nil)
        }
        #expect(required == "Model validation failed (#: required key [LogGroupName] not found)")
        // Nothing was recorded: the call itself was refused.
        #expect(try engine.listRequests(operations: [], statuses: [], nextToken: nil, maxResults: nil).0.isEmpty)
        let readOnly = try engine.create(
            typeName: "AWS::Logs::LogGroup", desiredState: #"{"LogGroupName":"/y","Arn":"arn:x"}"#,
            clientToken: nil)
        #expect(readOnly.errorCode == "InvalidRequest")
        #expect(
            readOnly.statusMessage
                == "Model validation failed: #/Arn: read-only property cannot be set (/properties/Arn)")
        expectLocalError("ResourceNotFoundException") {
            _ = try engine.get(typeName: "AWS::Logs::LogGroup", identifier: "/y")
        }
    }
}
