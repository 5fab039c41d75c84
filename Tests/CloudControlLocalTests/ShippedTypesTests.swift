import JSONCore
import ResourceSchemas
import Testing

@testable import CloudControlLocal

@Suite struct ShippedTypesTests {
    static let required = [
        "AWS::S3::Bucket", "AWS::Logs::LogGroup", "AWS::Logs::MetricFilter", "AWS::SQS::Queue",
        "AWS::SNS::Topic",
        "AWS::IAM::Role", "AWS::IAM::RolePolicy", "AWS::DynamoDB::Table", "AWS::Lambda::Function",
        "AWS::EC2::VPC",
        "AWS::EC2::Subnet", "AWS::EC2::SecurityGroup", "AWS::SSM::Parameter", "AWS::KMS::Key",
        "AWS::SecretsManager::Secret", "AWS::ECR::Repository", "AWS::Events::Rule",
        "AWS::StepFunctions::StateMachine",
        "AWS::ApiGateway::RestApi", "AWS::ApiGateway::Stage", "AWS::EKS::Cluster", "AWS::EKS::Nodegroup",
        "AWS::CloudWatch::Alarm",
    ]

    @Test func registryShipsAtLeastFortyTypesIncludingTheRequiredOnes() throws {
        let types = Support.registry.types()
        #expect(types.count >= 40)
        for name in Self.required { #expect(types.contains(name), "\(name) is not shipped") }
        #expect(try Support.examples().keys.sorted() == types)
    }

    @Test(arguments: Support.registry.types())
    func exampleValidatesAndCreates(_ typeName: String) throws {
        let examples = try Support.examples()
        let example = try #require(examples[typeName], "no example for \(typeName)")
        let schema = try #require(try Support.registry.schema(for: typeName))
        #expect(Support.engineValidator.validate(example, against: schema).map(\.description) == [])
        let engine = try Support.engine()
        let event = try engine.create(typeName: typeName, desiredState: example.description, clientToken: nil)
        #expect(event.operationStatus == .success, "\(event.errorCode ?? ""): \(event.statusMessage ?? "")")
        #expect(!(event.identifier ?? "").isEmpty)
        let got = try engine.get(typeName: typeName, identifier: event.identifier ?? "")
        #expect(got.identifier == event.identifier)
        let properties = try Support.json(got.properties)
        // Every top-level read-only property is generated, and given properties come back
        // (write-only ones excepted).
        for path in schema.readOnlyProperties where path.isTopLevel {
            #expect(properties[path.topLevel] != nil, "\(typeName): \(path) was not generated")
        }
        for (key, value) in schema.withoutWriteOnly(example).objectValue ?? [:] {
            #expect(properties[key] == value, "\(typeName).\(key)")
        }
        let (listed, _) = try engine.list(
            typeName: typeName, resourceModel: example.description, nextToken: nil, maxResults: nil)
        #expect(listed.map(\.identifier) == [event.identifier])
    }

    @Test func unknownTypeAndExtraDirectories() throws {
        let engine = try Support.engine()
        expectLocalError("TypeNotFoundException") {
            _ = try engine.create(typeName: "AWS::Nope::Thing", desiredState: "{}", clientToken: nil)
        }
        let dir = try Support.temporaryDirectory()
        let custom =
            #"{"typeName":"Custom::Demo::Widget","properties":{"Name":{"type":"string"},"Size":{"type":"integer"}},"primaryIdentifier":["/properties/Name"],"required":["Name"],"additionalProperties":false}"#
        try custom.write(toFile: dir + "/widget.json", atomically: true, encoding: .utf8)
        let registry = try SchemaRegistry(directories: [dir])
        #expect(registry.types().contains("Custom::Demo::Widget"))
        #expect(registry.types().contains("AWS::S3::Bucket"))
        let onlyCustom = try SchemaRegistry(includeShipped: false, directories: [dir])
        #expect(onlyCustom.types() == ["Custom::Demo::Widget"])
        #expect(throws: SchemaError.self) { try SchemaRegistry(directories: [dir + "/missing"]) }
    }
}
