import CloudControl
import Foundation
import Testing

/// `--faults` rates applied at the HTTP layer: throttle, 5xx and drop.
@Suite struct FaultInjectionTests {
    private static let listBody = #"{"TypeName":"AWS::S3::Bucket"}"#

    @Test func throttleAnswersThrottlingException() throws {
        let emulator = try EmulatorTestServer(faults: "throttle=1")
        let response = try emulator.call(.listResources, Self.listBody)
        #expect(response.status == 400)
        #expect(try ErrorBody(response).type == "ThrottlingException")
        #expect(try ErrorBody(response).message.contains("Rate exceeded"))
    }

    @Test func serverErrorAnswersServiceInternalErrorException() throws {
        let emulator = try EmulatorTestServer(faults: "5xx=1")
        let response = try emulator.call(.listResources, Self.listBody)
        #expect(response.status == 500)
        #expect(try ErrorBody(response).type == "ServiceInternalErrorException")
    }

    @Test func dropClosesTheConnectionAfterApplyingTheRequest() throws {
        let emulator = try EmulatorTestServer(faults: "drop=1")
        let create = #"{"TypeName":"AWS::Logs::LogGroup","ClientToken":"c1","DesiredState":"{\"LogGroupName\":\"dropped\"}"}"#
        #expect(throws: RawHTTPError.closedWithoutResponse) { try emulator.call(.createResource, create) }
        // The response was lost, not the request: the engine has the group.
        let found = try emulator.engine.getResource(GetResourceInput(typeName: "AWS::Logs::LogGroup", identifier: "dropped"))
        #expect(found.resourceDescription?.identifier == "dropped")
    }

    @Test func faultsDoNotApplyToRefusedSignatures() throws {
        let emulator = try EmulatorTestServer(faults: "throttle=1")
        let response = try emulator.send(emulator.requestBytes(target: "CloudApiService.ListResources", body: Self.listBody, credentials: nil))
        #expect(try ErrorBody(response).type == "MissingAuthenticationTokenException")
    }

    @Test func theSameSeedGivesTheSameFaults() throws {
        func statuses() throws -> [Int] {
            let emulator = try EmulatorTestServer(faults: "throttle=0.3,5xx=0.3,seed=42")
            return try (0..<30).map { _ in try emulator.call(.listResources, Self.listBody).status }
        }
        let first = try statuses()
        #expect(try statuses() == first)
        #expect(Set(first) == [200, 400, 500])
    }

    @Test func ratesAreRoughlyHonoured() throws {
        let emulator = try EmulatorTestServer(faults: "throttle=0.25,seed=3")
        let throttled = try (0..<200).filter { _ in try emulator.call(.listResources, Self.listBody).status == 400 }.count
        // Binomial(200, 0.25): mean 50, sd ~6.1; the seed is fixed, the bounds are ±4 sd.
        #expect((26...74).contains(throttled))
    }
}
