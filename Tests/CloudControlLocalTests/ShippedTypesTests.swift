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

    /// The types with a hand-written example (Fixtures/examples.json): the 46 that shipped
    /// before the registry's full set, which the engine has its own value code for.
    static let exampleTypes = ((try? Support.examples()) ?? [:]).keys.sorted()

    @Test func registryShipsEveryRegistryTypeIncludingTheRequiredOnes() throws {
        let types = Support.registry.types()
        // The CloudFormation registry's set at terraform-provider-awscc f995d4f
        // (Schemas/SOURCES.md); `types.txt` lists exactly the shipped files.
        #expect(types.count == 1489)
        #expect(Support.registry.indexProblems().isEmpty)
        for name in Self.required { #expect(types.contains(name), "\(name) is not shipped") }
        #expect(Self.exampleTypes.count == 46)
        for name in Self.exampleTypes { #expect(types.contains(name), "\(name) has an example but no schema") }
    }

    @Test func everyShippedSchemaParsesWithItsHandlers() throws {
        var withoutHandlers: [String] = []
        for name in Support.registry.types() {
            let schema = try #require(try Support.registry.schema(for: name), "\(name)")
            if schema.handlers?.isEmpty ?? true { withoutHandlers.append(name) }
        }
        // The registry publishes these without handlers: CloudFormation provisions them
        // itself, Cloud Control cannot.
        #expect(withoutHandlers.count == 10, "\(withoutHandlers)")
        #expect(withoutHandlers.contains("AWS::Route53::RecordSet"))
    }

    /// Every `pattern` in the registry's schemas compiles: a pattern the service accepts must
    /// not fail a request here.
    @Test func everyShippedPatternCompiles() throws {
        let regex = ECMARegex()
        var failures: Set<String> = []
        func walk(_ value: JSONValue) {
            switch value {
            case .object(let members):
                for (key, member) in members {
                    if key == "pattern", let pattern = member.stringValue {
                        if (try? regex.matches(pattern, "")) == nil { failures.insert(pattern) }
                    } else {
                        walk(member)
                    }
                }
            case .array(let items): items.forEach(walk)
            default: break
            }
        }
        for name in Support.registry.types() {
            walk(try #require(try Support.registry.schema(for: name)).document)
        }
        #expect(failures.sorted() == [])
    }

    @Test(arguments: exampleTypes)
    func exampleValidatesAndCreates(_ typeName: String) throws {
        let examples = try Support.examples()
        let example = try #require(examples[typeName], "no example for \(typeName)")
        let schema = try #require(try Support.registry.schema(for: typeName))
        #expect(Support.engineValidator.validate(example, against: schema).map(\.description) == [])
        // Each example stands alone (its parents are not created): references are off.
        let engine = try Support.engine(references: false)
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
        // AWS::IAM::RolePolicy and AWS::StepFunctions::StateMachine have no list handler.
        guard schema.supports("list") else {
            expectLocalError("UnsupportedActionException") {
                _ = try engine.list(typeName: typeName, resourceModel: nil, nextToken: nil, maxResults: nil)
            }
            return
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
