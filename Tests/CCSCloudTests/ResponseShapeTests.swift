import CloudControl
import Testing

@testable import CCSCloud

/// A service that answers 200 with parts missing, as a broken or hostile server may: a
/// GetResource without its ResourceDescription or without Properties, a ListResources page
/// whose resources lack their Identifier.
final class HollowAnswersService: ForwardingService {
    override func getResource(_ input: GetResourceInput) throws -> GetResourceOutput {
        if input.identifier == "no-description" { return GetResourceOutput(typeName: input.typeName) }
        return GetResourceOutput(
            typeName: input.typeName, resourceDescription: ResourceDescription(identifier: input.identifier))
    }

    override func listResources(_ input: ListResourcesInput) throws -> ListResourcesOutput {
        ListResourcesOutput(
            typeName: input.typeName,
            resourceDescriptions: [ResourceDescription(identifier: nil, properties: "{}")])
    }
}

/// The built-ins never hand a script a resource the service did not describe (issue 16, shape
/// checks): a clear `MalformedResponse` error instead of a resource with no properties or an
/// empty identifier.
@Suite struct ResponseShapeTests {
    @Test func hollowAnswersAreErrors() throws {
        let h = try CloudHarness { HollowAnswersService($0) }
        let result = h.run(
            """
            fn failure(f) {
              try { f() } catch e { return "${e.code}: ${e.message}" }
              return "no error"
            }
            print(failure(fn() => get("AWS::Logs::LogGroup", "no-description")))
            print(failure(fn() => get("AWS::Logs::LogGroup", "no-properties")))
            print(failure(fn() => count(list("AWS::Logs::LogGroup"))))
            """)
        #expect(result.status == 0, "\(result.errors)")
        #expect(
            result.lines == [
                "MalformedResponse: get: the service's answer for AWS::Logs::LogGroup 'no-description' has no ResourceDescription",
                "MalformedResponse: get: the service's answer for AWS::Logs::LogGroup 'no-properties' has no ResourceDescription.Properties",
                "MalformedResponse: list: a AWS::Logs::LogGroup resource in the service's answer has no Identifier",
            ])
    }
}
