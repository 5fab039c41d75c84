import CloudControl
import CloudControlLocal
import CloudControlServer
import Foundation
import JSONCore
import SigV4
import Testing

/// CloudFormation's DescribeType as the emulator answers it on the Cloud Control port, reached
/// by ccs's own DescribeType client (libcurl, SigV4 for `cloudformation`, awsQuery).
@Suite struct DescribeTypeServerTests {
    static func client(_ server: EmulatorTestServer, secret: String = "test") -> CloudFormationClient {
        CloudFormationClient(
            configuration: ClientConfiguration(
                region: "eu-west-3", endpointURL: "http://\(server.hostHeader)", maxAttempts: 1),
            credentials: { AWSCredentials(accessKeyId: "test", secretAccessKey: secret) },
            transport: CurlTransport(configuration: .init(userAgent: "ccs/test", proxies: ProxySettings())))
    }

    @Test func returnsTheSchemaOfAShippedType() throws {
        let server = try EmulatorTestServer()
        let output = try Self.client(server).describeType(DescribeTypeInput(typeName: "AWS::S3::Bucket"))
        #expect(output.typeName == "AWS::S3::Bucket")
        #expect(output.type == "RESOURCE")
        #expect(output.arn == "arn:aws:cloudformation:us-east-1::type/resource/AWS-S3-Bucket")
        let text = try #require(output.schema)
        let returned = try JSONParser.parse(Array(text.utf8))
        let shipped = try #require(try server.engine.registry.schema(for: "AWS::S3::Bucket"))
        #expect(returned == shipped.document)
    }

    @Test func anUnknownTypeIsTypeNotFound() throws {
        let server = try EmulatorTestServer()
        let error = try #require(throws: CloudFormationError.self) {
            try Self.client(server).describeType(DescribeTypeInput(typeName: "AWS::No::Such"))
        }
        #expect(error.code == "TypeNotFoundException")
        #expect(error.httpStatus == 404)
        #expect(error.message == "The type 'AWS::No::Such' cannot be found.")
        #expect(error.requestId?.isEmpty == false)
    }

    @Test func theSignatureIsVerifiedForTheCloudFormationService() throws {
        let server = try EmulatorTestServer()
        let error = try #require(throws: CloudFormationError.self) {
            try Self.client(server, secret: "wrong").describeType(DescribeTypeInput(typeName: "AWS::S3::Bucket"))
        }
        #expect(error.code == "SignatureDoesNotMatch")
        #expect(error.httpStatus == 403)

        let unknownKey = CloudFormationClient(
            configuration: ClientConfiguration(
                region: "eu-west-3", endpointURL: "http://\(server.hostHeader)", maxAttempts: 1),
            credentials: { AWSCredentials(accessKeyId: "nobody", secretAccessKey: "test") },
            transport: CurlTransport(configuration: .init(userAgent: "ccs/test", proxies: ProxySettings())))
        let refused = try #require(throws: CloudFormationError.self) {
            try unknownKey.describeType(DescribeTypeInput(typeName: "AWS::S3::Bucket"))
        }
        #expect(refused.code == "InvalidClientTokenId")
        #expect(refused.httpStatus == 403)

        // A form body signed for cloudcontrolapi (the emulator's signer) is refused too: the
        // credential scope must name cloudformation.
        let body = "Action=DescribeType&Version=2010-05-15&Type=RESOURCE&TypeName=AWS%3A%3AS3%3A%3ABucket"
        let response = try server.send(
            server.requestBytes(target: nil, body: body, contentType: "application/x-www-form-urlencoded"))
        #expect(response.status == 403)
        #expect(String(decoding: response.body, as: UTF8.self).contains("<Code>SignatureDoesNotMatch</Code>"))
    }

    @Test func otherActionsAreRefusedByName() throws {
        let server = try EmulatorTestServer()
        let signer = SigV4Signer(service: "cloudformation", region: "us-east-1")
        let body = "Action=ListStacks&Version=2010-05-15"
        var headers: [(name: String, value: String)] = [
            ("Host", server.hostHeader), ("Content-Type", "application/x-www-form-urlencoded"),
        ]
        headers = signer.sign(
            SigV4Request(method: "POST", path: "/", headers: headers, body: Array(body.utf8)),
            credentials: AWSCredentials(accessKeyId: "test", secretAccessKey: "test"), date: Date()
        ).headers
        headers.append(("Content-Length", String(body.utf8.count)))
        let head = headers.map { "\($0.name): \($0.value)\r\n" }.joined()
        let response = try server.send("POST / HTTP/1.1\r\n\(head)\r\n\(body)")
        #expect(response.status == 400)
        let text = String(decoding: response.body, as: UTF8.self)
        #expect(text.contains("<Code>InvalidAction</Code>"))
        #expect(text.contains("ListStacks"))
    }
}
