import CloudControl
import Foundation
import Testing

/// Several clients at once against the real engine.
@Suite struct ConcurrencyTests {
    @Test func concurrentCreatesAllLandAndListTogether() async throws {
        let emulator = try EmulatorTestServer()
        let statuses = try await withThrowingTaskGroup(of: Int.self) { group in
            for client in 0..<8 {
                group.addTask {
                    var statuses: [Int] = []
                    for index in 0..<5 {
                        let body = #"{"TypeName":"AWS::SQS::Queue","DesiredState":"{\"QueueName\":\"q-\#(client)-\#(index)\"}"}"#
                        statuses.append(try emulator.call(.createResource, body).status)
                    }
                    return statuses.allSatisfy { $0 == 200 } ? 1 : 0
                }
            }
            var total = 0
            for try await ok in group { total += ok }
            return total
        }
        #expect(statuses == 8)
        var names: [String] = []
        var token: String?
        repeat {
            let page = try emulator.call(ListResourcesInput(typeName: "AWS::SQS::Queue", nextToken: token))
            names += (page.resourceDescriptions ?? []).compactMap(\.identifier)
            token = page.nextToken
        } while token != nil
        #expect(names.count == 40)
    }

    /// Creates of one name at once: one succeeds; the others are refused while it runs
    /// (ConcurrentOperationException) or end FAILED with AlreadyExists.
    @Test func concurrentCreatesOfOneNameYieldOneWinner() async throws {
        let emulator = try EmulatorTestServer()
        let body = #"{"TypeName":"AWS::SNS::Topic","DesiredState":"{\"TopicName\":\"contested\"}"}"#
        let outcomes = try await withThrowingTaskGroup(of: String.self) { group in
            for _ in 0..<6 {
                group.addTask {
                    let response = try emulator.call(.createResource, body)
                    guard response.status == 200 else { return try ErrorBody(response).type }
                    let event = try CloudControlWire.decodeOutput(CreateResourceOutput.self, body: response.body).progressEvent
                    return event?.operationStatus == .success ? "ok" : event?.errorCode?.rawValue ?? "?"
                }
            }
            var outcomes: [String] = []
            for try await outcome in group { outcomes.append(outcome) }
            return outcomes
        }
        #expect(outcomes.filter { $0 == "ok" }.count == 1, "\(outcomes)")
        #expect(outcomes.allSatisfy { ["ok", "AlreadyExists", "ConcurrentOperationException"].contains($0) }, "\(outcomes)")
    }
}
