import CloudControl
import CloudControlLocal
import CloudControlServer
import Foundation
import ResourceSchemas
import Testing

@testable import CCSCloud

/// Counts the DescribeType requests a server answers (from its request log).
final class RequestLog: @unchecked Sendable {
    private let lock = NSLock()
    private var lines: [String] = []
    func append(_ line: String) { lock.withLock { lines.append(line) } }
    func count(prefix: String) -> Int { lock.withLock { lines.filter { $0.hasPrefix(prefix) }.count } }
}

/// The schema chain against the emulator over HTTP: the server knows two extra types (from
/// Fixtures/ExtraSchemas) that ccs does not ship, and answers DescribeType for them.
@Suite struct DescribeTypeSchemasTests {
    static var extraFolder: String {
        get throws {
            let url = try #require(Bundle.module.resourceURL).appendingPathComponent("Fixtures/ExtraSchemas")
            return url.path
        }
    }

    final class Backend {
        let engine: LocalCloudControl
        let server: HTTPServer
        let log = RequestLog()

        init() throws {
            engine = try LocalCloudControl(
                databasePath: ":memory:", registry: try SchemaRegistry(directories: [try extraFolder]))
            let log = self.log
            server = try HTTPServer.start(
                configuration: HTTPServerConfiguration(host: "127.0.0.1", port: 0),
                handler: CloudControlAPIHandler(service: engine, log: { log.append($0) }))
        }

        deinit {
            server.shutdown()
            engine.close()
        }

        func source(cache: SchemaDiskCache? = nil) -> DescribeTypeSchemas {
            let url = server.url
            return DescribeTypeSchemas(
                client: {
                    CloudFormationClient(
                        configuration: ClientConfiguration(region: "us-east-1", endpointURL: url, maxAttempts: 1),
                        credentials: { AWSCredentials(accessKeyId: "test", secretAccessKey: "test") },
                        transport: CurlTransport(configuration: .init(userAgent: "ccs-tests")))
                }, diskCache: cache)
        }

        var describeTypeCount: Int { log.count(prefix: "DescribeType ") }
    }

    @Test func fetchesAnExtraTypeOnceperSession() throws {
        let backend = try Backend()
        let source = backend.source()
        let schema = try #require(try source.schema(for: "Example::Athena::WorkGroup"))
        #expect(schema.typeName == "Example::Athena::WorkGroup")
        #expect(schema.primaryIdentifier.map(\.description) == ["/properties/Name"])
        _ = try source.schema(for: "Example::Athena::WorkGroup")
        #expect(backend.describeTypeCount == 1)
        #expect(source.types() == ["Example::Athena::WorkGroup"])
    }

    @Test func anUnknownTypeIsNilAndAskedOnce() throws {
        let backend = try Backend()
        let source = backend.source()
        #expect(try source.schema(for: "AWS::No::Such") == nil)
        #expect(try source.schema(for: "AWS::No::Such") == nil)
        #expect(backend.describeTypeCount == 1)
        // Not a registry type name at all: nothing is sent.
        #expect(try source.schema(for: "not a type") == nil)
        #expect(backend.describeTypeCount == 1)
    }

    @Test func theDiskCacheServesTheNextSessionUntilItExpires() throws {
        let backend = try Backend()
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("ccs-schema-cache-\(UUID())").path
        defer { try? FileManager.default.removeItem(atPath: directory) }
        _ = try backend.source(cache: SchemaDiskCache(directory: directory)).schema(for: "Example::Route53::HostedZone")
        #expect(FileManager.default.fileExists(atPath: directory + "/Example-Route53-HostedZone.json"))
        let fresh = try backend.source(cache: SchemaDiskCache(directory: directory)).schema(for: "Example::Route53::HostedZone")
        #expect(fresh?.typeName == "Example::Route53::HostedZone")
        #expect(backend.describeTypeCount == 1)
        let expired = SchemaDiskCache(directory: directory, maxAge: 60, now: { Date().addingTimeInterval(61) })
        _ = try backend.source(cache: expired).schema(for: "Example::Route53::HostedZone")
        #expect(backend.describeTypeCount == 2)
    }

    @Test func theChainAsksTheShippedSchemasFirst() throws {
        let backend = try Backend()
        let chain = SchemaSourceChain([ShippedSchemas(), backend.source()])
        #expect(try chain.schema(for: "AWS::S3::Bucket")?.typeName == "AWS::S3::Bucket")
        #expect(backend.describeTypeCount == 0)
        #expect(try chain.schema(for: "Example::Athena::WorkGroup")?.typeName == "Example::Athena::WorkGroup")
        #expect(backend.describeTypeCount == 1)
        #expect(chain.types().contains("Example::Athena::WorkGroup"))
        #expect(chain.types().contains("AWS::S3::Bucket"))
    }

    @Test func anUnreachableCloudFormationIsAnErrorNotAMissingType() throws {
        let source = DescribeTypeSchemas(client: {
            CloudFormationClient(
                configuration: ClientConfiguration(region: "us-east-1", endpointURL: "http://127.0.0.1:9", maxAttempts: 1),
                credentials: { AWSCredentials(accessKeyId: "test", secretAccessKey: "test") },
                transport: CurlTransport(configuration: .init(userAgent: "ccs-tests")))
        })
        #expect(throws: TransportError.self) { try source.schema(for: "Example::Athena::WorkGroup") }
        // With the shipped schemas first, a shipped type still resolves.
        let chain = SchemaSourceChain([ShippedSchemas(), source])
        #expect(try chain.schema(for: "AWS::SQS::Queue")?.typeName == "AWS::SQS::Queue")
    }

    @Test func scriptsPatchAnExtraTypeUsingItsSchemaFromDescribeType() throws {
        let backend = try Backend()
        let session = CloudSession(
            service: {
                CloudControlClient(
                    configuration: ClientConfiguration(region: "us-east-1", endpointURL: backend.server.url, maxAttempts: 1),
                    credentials: { AWSCredentials(accessKeyId: "test", secretAccessKey: "test") },
                    transport: CurlTransport(configuration: .init(userAgent: "ccs-tests")))
            },
            schemas: SchemaSourceChain([ShippedSchemas(), backend.source()]), progress: nil)
        let view = try session.schema("Example::Athena::WorkGroup", for: "schema")
        #expect(view.schema.typeName == "Example::Athena::WorkGroup")
        #expect(session.optionalSchema("Example::Route53::HostedZone") != nil)
        #expect(backend.describeTypeCount == 2)
    }
}
