import CloudControl
import Testing

@testable import CloudControlLocal

/// A compound identifier part that contains `|` (issue 16, F10): once created, such a
/// resource could never be read, updated or deleted, since every call splits its identifier
/// at `|` into the wrong number of parts. The emulator refuses it at create, at once.
@Suite struct IdentifierSeparatorTests {
    static func filter(group: String, name: String) -> String {
        #"{"LogGroupName":"\#(group)","FilterName":"\#(name)","FilterPattern":"ERROR","MetricTransformations":[{"MetricName":"E","MetricNamespace":"N","MetricValue":"1"}]}"#
    }

    @Test(arguments: [
        ("a|b", "f", "/properties/LogGroupName 'a|b'"), ("/g", "x|y", "/properties/FilterName 'x|y'"),
    ])
    func aPartWithTheSeparatorIsRefusedAtCreate(group: String, name: String, quoted: String) throws {
        let engine = try Support.engine(latency: 1)
        let message = expectLocalError("InvalidRequestException") {
            _ = try engine.create(
                typeName: "AWS::Logs::MetricFilter", desiredState: Self.filter(group: group, name: name),
                clientToken: nil)
        }
        #expect(
            message
                == "\(quoted) contains '|', the separator of AWS::Logs::MetricFilter's compound identifier (LogGroupName|FilterName): a resource with it could not be read, updated or deleted by its identifier"
        )
        // Nothing was stored: no resource and no request to wait for.
        let listed = try engine.listResources(ListResourcesInput(typeName: "AWS::Logs::MetricFilter"))
        #expect(listed.resourceDescriptions?.isEmpty == true)
        let requests = try engine.listResourceRequests(ListResourceRequestsInput())
        #expect(requests.resourceRequestStatusSummaries?.isEmpty == true)
    }

    @Test func theServiceAnswersInvalidRequestException() throws {
        let service: CloudControlService = try Support.engine()
        let error = #expect(throws: CloudControlError.self) {
            try service.createResource(
                CreateResourceInput(
                    typeName: "AWS::Logs::MetricFilter", desiredState: Self.filter(group: "a|b", name: "f")))
        }
        #expect(error?.code.wireName == "InvalidRequestException")
        #expect(error?.httpStatus == 400)
    }

    @Test func partsWithoutTheSeparatorAndSinglePartIdentifiersAreUnchanged() throws {
        let engine = try Support.engine()
        let filter = try engine.create(
            typeName: "AWS::Logs::MetricFilter", desiredState: Self.filter(group: "/g", name: "f"),
            clientToken: nil)
        #expect(filter.identifier == "/g|f")
        // A single-part identifier is taken whole, so its value may hold '|'.
        let key = try engine.create(
            typeName: "AWS::EC2::KeyPair", desiredState: #"{"KeyName":"k|1"}"#, clientToken: nil)
        #expect(key.operationStatus == .success)
        #expect(try engine.get(typeName: "AWS::EC2::KeyPair", identifier: "k|1").identifier == "k|1")
        let deleted = try engine.delete(typeName: "AWS::EC2::KeyPair", identifier: "k|1", clientToken: nil)
        #expect(deleted.operationStatus == .success)
    }
}
