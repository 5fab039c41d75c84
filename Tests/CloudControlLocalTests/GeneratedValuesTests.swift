import JSONCore
import ResourceSchemas
import Testing

@testable import CloudControlLocal

/// Read-only values and defaults the engine fills in look like the real services' and satisfy
/// the property schemas (issue 13, mismatches 6 and 7).
@Suite struct GeneratedValuesTests {
    static func generated(_ typeName: String, _ model: JSONObject = [:], seed: UInt64 = 7) throws -> JSONObject {
        let schema = try #require(try Support.registry.schema(for: typeName))
        var random = SeededRandom(seed: seed)
        let generator = ResourceGenerator(region: "eu-west-1", account: "123456789012")
        return try #require(generator.generate(for: schema, model: .object(model), random: &random).objectValue)
    }

    static func matches(_ value: JSONValue?, _ pattern: String) -> Bool {
        guard let text = value?.stringValue else { return false }
        return (try? ECMARegex().matches(pattern, text)) == true
    }

    @Test func ec2AndEfsIdsHaveTheirRealPrefixesAndSeventeenHexDigits() throws {
        let cases: [(String, String, String)] = [
            ("AWS::EC2::Instance", "InstanceId", "^i-[0-9a-f]{17}$"),
            ("AWS::EC2::EIP", "AllocationId", "^eipalloc-[0-9a-f]{17}$"),
            ("AWS::EC2::NatGateway", "NatGatewayId", "^nat-[0-9a-f]{17}$"),
            ("AWS::EC2::LaunchTemplate", "LaunchTemplateId", "^lt-[0-9a-f]{17}$"),
            ("AWS::EC2::Volume", "VolumeId", "^vol-[0-9a-f]{17}$"),
            ("AWS::EFS::FileSystem", "FileSystemId", "^fs-[0-9a-f]{17}$"),
        ]
        for (typeName, key, pattern) in cases {
            let model = try Self.generated(typeName)
            #expect(Self.matches(model[key], pattern), "\(typeName).\(key) = \(model[key]?.description ?? "nil")")
        }
    }

    @Test func addressesAndDnsNamesAgree() throws {
        let instance = try Self.generated("AWS::EC2::Instance")
        let ip = try #require(instance["PrivateIp"]?.stringValue)
        #expect(Self.matches(.string(ip), #"^10\.0\.\d{1,3}\.\d{1,3}$"#))
        let dashed = ip.split(separator: ".").joined(separator: "-")
        #expect(instance["PrivateDnsName"]?.stringValue == "ip-\(dashed).eu-west-1.compute.internal")
        #expect(Self.matches(instance["PublicIp"], #"^\d{1,3}(\.\d{1,3}){3}$"#))
        #expect(Self.matches(instance["PublicDnsName"], #"^ec2-\d+-\d+-\d+-\d+\.eu-west-1\.compute\.amazonaws\.com$"#))
        #expect(Self.matches(try Self.generated("AWS::EC2::EIP")["PublicIp"], #"^\d{1,3}(\.\d{1,3}){3}$"#))
    }

    @Test func compoundValuesOfCommonServices() throws {
        let zone = try Self.generated("AWS::Route53::HostedZone", ["Name": "example.com."])
        let servers = try #require(zone["NameServers"]?.arrayValue)
        #expect(servers.count == 4)
        #expect(servers.allSatisfy { Self.matches($0, #"^ns-\d+\.awsdns-\d+\.(com|net|org|co\.uk)$"#) })
        let balancer = try Self.generated("AWS::ElasticLoadBalancingV2::LoadBalancer")
        #expect(
            Self.matches(
                balancer["LoadBalancerArn"],
                #"^arn:aws:elasticloadbalancing:eu-west-1:123456789012:loadbalancer/app/[a-z0-9-]+/[0-9a-f]{16}$"#))
        #expect(Self.matches(balancer["DNSName"], #"\.eu-west-1\.elb\.amazonaws\.com$"#))
        let file = try Self.generated("AWS::EFS::FileSystem")
        #expect(Self.matches(file["Arn"], #"^arn:aws:elasticfilesystem:eu-west-1:123456789012:file-system/fs-[0-9a-f]{17}$"#))
        let database = try Self.generated(
            "AWS::RDS::DBInstance", ["Engine": "postgres", "DBInstanceClass": "db.t3.micro"])
        // Without DBInstanceIdentifier the identifier is generated, as CloudFormation does.
        let name = try #require(database["DBInstanceIdentifier"]?.stringValue)
        let endpoint = try #require(database["Endpoint"]?.objectValue)
        #expect(Self.matches(endpoint["Address"], "^\(name)\\.[a-z0-9]{12}\\.eu-west-1\\.rds\\.amazonaws\\.com$"))
        #expect(endpoint["Port"] == "5432")
        let distribution = try Self.generated("AWS::CloudFront::Distribution")
        #expect(Self.matches(distribution["Id"], "^E[A-Z0-9]{13}$"))
        #expect(Self.matches(distribution["DomainName"], #"^d[a-z0-9]{13}\.cloudfront\.net$"#))
    }

    @Test func schemaDefaultsAreReturned() throws {
        let group = try Self.generated("AWS::Logs::LogGroup")
        #expect(group["LogGroupClass"] == "STANDARD")
        // A default the caller gave a value for is left as given.
        #expect(try Self.generated("AWS::Logs::LogGroup", ["LogGroupClass": "INFREQUENT_ACCESS"])["LogGroupClass"]
            == "INFREQUENT_ACCESS")
    }

    @Test func patternSamplerProducesMatchingStrings() throws {
        let patterns = [
            "^link-[a-z0-9-]{1,25}$", "^[0-9]+$", "^(arn:aws([a-z-]+)?:outposts:[a-z\\d-]+:\\d{12}:site/)?(os-[a-f0-9]{17})$",
            "^[a-f0-9]{8}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{12}$", "^(?:rtbapp-[a-z0-9-]{1,25}|rtb-gw-[a-z0-9-]{1,25})$",
            "^[\\u0020-\\uD7FF\\uE000-\\uFFFD]*$", "[^\\s]+", "^arn:[!-~]+$",
        ]
        var random = SeededRandom(seed: 1)
        let regex = ECMARegex()
        for pattern in patterns {
            let sampler = try #require(PatternSampler(pattern), "\(pattern) not read")
            for style in [PatternSampler.Style.preferred, .shortest, .varied] {
                let sample = sampler.sample(style, random: &random)
                #expect(try regex.matches(pattern, sample), "\(pattern) \(style): \(sample)")
            }
        }
        #expect(PatternSampler("(unclosed") == nil)
    }

    /// Across every shipped type, each generated top-level read-only value satisfies its own
    /// property schema (the figure is in docs/EMULATOR.md).
    @Test func everyGeneratedReadOnlyValueSatisfiesItsSchema() throws {
        var checked = 0
        var failures: [String] = []
        for typeName in Support.registry.types() {
            let schema = try #require(try Support.registry.schema(for: typeName))
            let model = try Self.generated(typeName)
            for path in schema.readOnlyProperties where path.isTopLevel {
                guard let value = model[path.topLevel], let property = schema.document["properties"]?[path.topLevel]
                else { continue }
                checked += 1
                let issues = Support.engineValidator.validate(value, subschema: property, root: schema.document)
                if !issues.isEmpty { failures.append("\(typeName).\(path.topLevel) = \(value): \(issues)") }
            }
        }
        print("generated read-only values checked against their schema: \(checked), failing: \(failures.count)")
        #expect(checked > 3_500)
        #expect(failures.isEmpty, "\(failures.count) of \(checked):\n\(failures.prefix(40).joined(separator: "\n"))")
    }
}
