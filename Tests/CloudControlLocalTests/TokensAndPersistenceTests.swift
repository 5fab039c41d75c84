import Foundation
import JSONCore
import Testing

@testable import CloudControlLocal

@Suite struct TokensAndPersistenceTests {
    let group = #"{"LogGroupName":"/app/a","RetentionInDays":7}"#

    @Test func clientTokenReplayAndConflict() throws {
        let clock = ManualClock()
        let engine = try Support.engine(latency: 1, clock: clock)
        let first = try engine.create(
            typeName: "AWS::Logs::LogGroup", desiredState: group, clientToken: "tok-1")
        // Same input (member order does not matter): the same request, even though a second
        // create of this identifier would otherwise be a concurrent operation.
        let replay = try engine.create(
            typeName: "AWS::Logs::LogGroup", desiredState: #"{"RetentionInDays":7,"LogGroupName":"/app/a"}"#,
            clientToken: "tok-1")
        #expect(replay.requestToken == first.requestToken)
        let message = expectLocalError("ClientTokenConflictException") {
            _ = try engine.create(
                typeName: "AWS::Logs::LogGroup", desiredState: #"{"LogGroupName":"/app/other"}"#,
                clientToken: "tok-1")
        }
        #expect(message.contains("tok-1"))
        clock.advance(5)
        #expect(
            try engine.create(typeName: "AWS::Logs::LogGroup", desiredState: group, clientToken: "tok-1")
                .operationStatus == .success)
        // Tokens are kept 36 hours.
        clock.advance(36 * 3600 + 1)
        let later = try engine.create(
            typeName: "AWS::Logs::LogGroup", desiredState: #"{"LogGroupName":"/app/other"}"#,
            clientToken: "tok-1")
        #expect(later.requestToken != first.requestToken)
    }

    @Test func requestsExpireAfterSevenDays() throws {
        let clock = ManualClock()
        let engine = try Support.engine(clock: clock)
        let created = try engine.create(
            typeName: "AWS::Logs::LogGroup", desiredState: group, clientToken: nil)
        clock.advance(6 * 86400)
        #expect(try engine.status(requestToken: created.requestToken ?? "").operationStatus == .success)
        clock.advance(86400 + 1)
        expectLocalError("RequestTokenNotFoundException") {
            _ = try engine.status(requestToken: created.requestToken ?? "")
        }
        #expect(
            try engine.listRequests(operations: [], statuses: [], nextToken: nil, maxResults: nil).0.isEmpty)
        // The resource itself stays.
        #expect(try engine.get(typeName: "AWS::Logs::LogGroup", identifier: "/app/a").identifier == "/app/a")
    }

    @Test func aDatabaseInAFolderThatDoesNotExistIsRefused() throws {
        let dir = try Support.temporaryDirectory()
        #expect(throws: LocalDatabaseFolderError(folder: dir + "/typo", reason: "does not exist")) {
            try Support.engine(path: dir + "/typo/local.sqlite")
        }
        #expect(!FileManager.default.fileExists(atPath: dir + "/typo"))
    }

    @Test func unfinishedRequestsResumeAfterRestart() throws {
        let dir = try Support.temporaryDirectory()
        let path = dir + "/local.sqlite"
        let clock = ManualClock()
        var engine = try Support.engine(latency: 5, clock: clock, path: path)
        let created = try engine.create(
            typeName: "AWS::Logs::LogGroup", desiredState: group, clientToken: "tok-p")
        let other = try engine.create(
            typeName: "AWS::SQS::Queue", desiredState: #"{"QueueName":"jobs"}"#, clientToken: nil)
        engine.close()
        expectLocalError("ServiceInternalErrorException") {
            _ = try engine.status(requestToken: created.requestToken ?? "")
        }

        engine = try Support.engine(latency: 5, clock: clock, path: path)
        #expect(try engine.status(requestToken: created.requestToken ?? "").operationStatus == .pending)
        expectLocalError("ConcurrentOperationException") {
            _ = try engine.create(
                typeName: "AWS::Logs::LogGroup", desiredState: #"{"LogGroupName":"/app/a"}"#, clientToken: nil
            )
        }
        clock.advance(10)
        #expect(try engine.status(requestToken: created.requestToken ?? "").operationStatus == .success)
        #expect(
            try engine.create(typeName: "AWS::Logs::LogGroup", desiredState: group, clientToken: "tok-p")
                .requestToken == created.requestToken)
        let queueURL = "https://sqs.us-east-1.amazonaws.com/123456789012/jobs"
        #expect(other.identifier == queueURL)
        #expect(try engine.get(typeName: "AWS::SQS::Queue", identifier: queueURL).identifier == queueURL)
        engine.close()

        engine = try Support.engine(latency: 5, clock: clock, path: path)
        #expect(try engine.get(typeName: "AWS::Logs::LogGroup", identifier: "/app/a").identifier == "/app/a")
        #expect(
            FileManager.default.fileExists(atPath: path + "-wal")
                || FileManager.default.fileExists(atPath: path))
        engine.close()
    }

    @Test func twoEnginesCanShareOneDatabaseFile() throws {
        let path = try Support.temporaryDirectory() + "/shared.sqlite"
        let clock = ManualClock()
        let a = try Support.engine(latency: 1, clock: clock, path: path)
        let b = try Support.engine(latency: 1, clock: clock, path: path)
        let created = try a.create(typeName: "AWS::Logs::LogGroup", desiredState: group, clientToken: nil)
        expectLocalError("ConcurrentOperationException") {
            _ = try b.create(typeName: "AWS::Logs::LogGroup", desiredState: group, clientToken: nil)
        }
        clock.advance(2)
        #expect(try b.status(requestToken: created.requestToken ?? "").operationStatus == .success)
        #expect(try a.get(typeName: "AWS::Logs::LogGroup", identifier: "/app/a").identifier == "/app/a")
        #expect(try a.status(requestToken: created.requestToken ?? "").operationStatus == .success)
        a.close()
        b.close()
    }

    @Test func defaultDatabasePathFollowsXDG() {
        #expect(
            LocalConfiguration.defaultDatabasePath(environment: [
                "XDG_DATA_HOME": "/x/data", "HOME": "/home/u",
            ]) == "/x/data/ccs/local.sqlite")
        #expect(
            LocalConfiguration.defaultDatabasePath(environment: ["HOME": "/home/u"])
                == "/home/u/.local/share/ccs/local.sqlite")
        #expect(
            LocalConfiguration.defaultDatabasePath(environment: [
                "XDG_DATA_HOME": "relative", "HOME": "/home/u",
            ]) == "/home/u/.local/share/ccs/local.sqlite")
    }

    @Test func concurrentCallersAreSerialised() async throws {
        let engine = try Support.engine()
        await withTaskGroup(of: Void.self) { group in
            for i in 0..<40 {
                group.addTask {
                    _ = try? engine.create(
                        typeName: "AWS::SQS::Queue", desiredState: #"{"QueueName":"q\#(i)"}"#,
                        clientToken: nil)
                }
            }
        }
        let (page, next) = try engine.list(
            typeName: "AWS::SQS::Queue", resourceModel: nil, nextToken: nil, maxResults: 100)
        #expect(page.count == 40)
        #expect(next == nil)
    }
}
