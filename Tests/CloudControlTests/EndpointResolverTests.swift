import Foundation
import Testing

@testable import CloudControl

/// One case of Fixtures/endpoints/endpoints.json, produced by botocore's own endpoint provider
/// (see generate.py next to it).
struct EndpointCase: Decodable, CustomTestStringConvertible, Sendable {
    struct Params: Decodable, Sendable {
        var Region: String?
        var UseFIPS: Bool
        var UseDualStack: Bool
        var Endpoint: String?
    }
    var params: Params
    var url: String?
    var error: String?

    var testDescription: String {
        "\(params.Region ?? "<no region>") fips=\(params.UseFIPS) dualstack=\(params.UseDualStack) endpoint=\(params.Endpoint ?? "-")"
    }

    static func load() -> [EndpointCase] {
        struct File: Decodable { var cases: [EndpointCase] }
        guard let url = Bundle.module.url(forResource: "Fixtures/endpoints/endpoints", withExtension: "json"),
            let data = try? Data(contentsOf: url),
            let file = try? JSONDecoder().decode(File.self, from: data)
        else { return [] }
        return file.cases
    }
}

@Suite("Endpoint resolution matches botocore")
struct EndpointResolverTests {
    @Test func fixtureIsPresent() {
        #expect(EndpointCase.load().count >= 30)
    }

    @Test(arguments: EndpointCase.load())
    func matchesBotocore(_ testCase: EndpointCase) {
        let parameters = EndpointResolver.Parameters(
            region: testCase.params.Region, useFIPS: testCase.params.UseFIPS,
            useDualStack: testCase.params.UseDualStack, endpoint: testCase.params.Endpoint)
        do {
            let url = try EndpointResolver().resolve(parameters)
            #expect(testCase.error == nil, "expected error \(testCase.error ?? "")")
            #expect(url == testCase.url)
        } catch let error as EndpointError {
            #expect(error.message == testCase.error)
        } catch {
            Issue.record("unexpected error \(error)")
        }
    }

    @Test func partitionLookupPrefersListedRegionsThenPatterns() {
        #expect(Partition.forRegion("cn-north-1")?.id == "aws-cn")
        #expect(Partition.forRegion("us-gov-west-9")?.id == "aws-us-gov")
        #expect(Partition.forRegion("us-isob-east-2")?.id == "aws-iso-b")
        #expect(Partition.forRegion("mars-1")?.id == "aws")
    }
}
