import CCSTestSupport
import Foundation
import SigV4
import Testing

@testable import CloudControl

/// The DescribeType client against a loopback server answering hand-written awsQuery XML: the
/// request's shape (form body, signing scope), the decoded output, the error XML, retries.
@Suite struct CloudFormationClientTests {
    static let credentials = AWSCredentials(accessKeyId: "AKIDEXAMPLE", secretAccessKey: "secret")

    static func client(_ server: LoopbackHTTPServer, maxAttempts: Int = 3) -> CloudFormationClient {
        CloudFormationClient(
            configuration: ClientConfiguration(
                region: "eu-west-3", endpointURL: server.baseURL, maxAttempts: maxAttempts,
                sleep: { _ in }, random: { 0.5 }),
            credentials: { credentials },
            transport: CurlTransport(configuration: .init(userAgent: "ccs/test", proxies: ProxySettings())))
    }

    static func xml(status: Int, _ text: String) -> LoopbackReply {
        .respond(status: status, headers: [(name: "Content-Type", value: "text/xml")], body: Array(text.utf8))
    }

    static let success = """
        <DescribeTypeResponse xmlns="http://cloudformation.amazonaws.com/doc/2010-05-15/">
          <DescribeTypeResult>
            <Arn>arn:aws:cloudformation:eu-west-3::type/resource/AWS-Example-Widget</Arn>
            <Type>RESOURCE</Type>
            <TypeName>AWS::Example::Widget</TypeName>
            <IsDefaultVersion>true</IsDefaultVersion>
            <Schema>{"typeName":"AWS::Example::Widget","properties":{"Name":{"type":"string"}},"description":"a &lt;b&gt; &amp; c"}</Schema>
            <Visibility>PUBLIC</Visibility>
            <LastUpdated>2024-01-02T03:04:05.678Z</LastUpdated>
          </DescribeTypeResult>
          <ResponseMetadata><RequestId>r-1</RequestId></ResponseMetadata>
        </DescribeTypeResponse>
        """

    @Test func sendsTheAwsQueryFormSignedForCloudFormationAndDecodesTheResult() throws {
        let server = try LoopbackHTTPServer(replies: [Self.xml(status: 200, Self.success)])
        defer { server.shutdown() }
        let output = try Self.client(server).describeType(
            DescribeTypeInput(typeName: "AWS::Example::Widget", versionId: "00000002"))
        #expect(output.typeName == "AWS::Example::Widget")
        #expect(output.type == "RESOURCE")
        #expect(output.isDefaultVersion == true)
        #expect(output.visibility == "PUBLIC")
        #expect(output.lastUpdated == "2024-01-02T03:04:05.678Z")
        #expect(
            output.schema
                == #"{"typeName":"AWS::Example::Widget","properties":{"Name":{"type":"string"}},"description":"a <b> & c"}"#)

        let request = try #require(server.requests.first)
        #expect(request.method == "POST")
        #expect(request.path == "/")
        #expect(request.header("X-Amz-Target") == nil)
        #expect(request.header("Content-Type") == "application/x-www-form-urlencoded; charset=utf-8")
        #expect(
            request.bodyText
                == "Action=DescribeType&Version=2010-05-15&Type=RESOURCE&TypeName=AWS%3A%3AExample%3A%3AWidget&VersionId=00000002")
        let authorization = try #require(request.header("Authorization"))
        #expect(authorization.contains("/eu-west-3/cloudformation/aws4_request"))
    }

    @Test(arguments: [
        (404, "TypeNotFoundException", "The type 'AWS::Example::Widget' cannot be found."),
        (400, "CFNRegistryException", "Registry is unavailable & <busy>"),
    ])
    func decodesTheErrorResponse(status: Int, code: String, message: String) throws {
        let escaped = message.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;")
        let body = """
            <ErrorResponse xmlns="http://cloudformation.amazonaws.com/doc/2010-05-15/">
              <Error><Type>Sender</Type><Code>\(code)</Code><Message>\(escaped)</Message></Error>
              <RequestId>req-42</RequestId>
            </ErrorResponse>
            """
        let server = try LoopbackHTTPServer(replies: [Self.xml(status: status, body)])
        defer { server.shutdown() }
        #expect(
            throws: CloudFormationError(code: code, message: message, httpStatus: status, requestId: "req-42")
        ) {
            try Self.client(server).describeType(DescribeTypeInput(typeName: "AWS::Example::Widget"))
        }
        #expect(server.requests.count == 1)
    }

    @Test func retriesThrottlingThenSucceeds() throws {
        let throttled = """
            <ErrorResponse><Error><Type>Sender</Type><Code>Throttling</Code><Message>Rate exceeded</Message></Error><RequestId>t</RequestId></ErrorResponse>
            """
        let server = try LoopbackHTTPServer(replies: [
            Self.xml(status: 400, throttled), Self.xml(status: 503, "<html>busy</html>"), Self.xml(status: 200, Self.success),
        ])
        defer { server.shutdown() }
        let output = try Self.client(server).describeType(DescribeTypeInput(typeName: "AWS::Example::Widget"))
        #expect(output.typeName == "AWS::Example::Widget")
        #expect(server.requests.count == 3)
    }

    @Test func aBodyThatIsNotTheResultIsADecodingError() throws {
        let server = try LoopbackHTTPServer(replies: [Self.xml(status: 200, "<Other/>")])
        defer { server.shutdown() }
        #expect(throws: ResponseDecodingError.self) {
            try Self.client(server).describeType(DescribeTypeInput(typeName: "AWS::Example::Widget"))
        }
    }

    @Test(arguments: ["S3::Bucket", "AWS::S3::Bu-cket", "AWS::S3::Bucket::Extra", String(repeating: "A", count: 65) + "::B1::C1"])
    func invalidTypeNamesAreRefusedBeforeSending(typeName: String) throws {
        let server = try LoopbackHTTPServer(replies: [])
        defer { server.shutdown() }
        let error = try #require(throws: DescribeTypeParameterError.self) {
            try Self.client(server).describeType(DescribeTypeInput(typeName: typeName))
        }
        #expect(error.parameter == "TypeName")
        #expect(server.requests.isEmpty)
    }

    @Test func resolvesTheCloudFormationEndpointPerPartition() throws {
        let resolver = EndpointResolver(endpointPrefix: CloudFormationClient.signingName)
        #expect(try resolver.resolve(.init(region: "eu-west-3")) == "https://cloudformation.eu-west-3.amazonaws.com")
        #expect(try resolver.resolve(.init(region: "cn-north-1")) == "https://cloudformation.cn-north-1.amazonaws.com.cn")
        #expect(
            try resolver.resolve(.init(region: "us-east-1", useFIPS: true))
                == "https://cloudformation-fips.us-east-1.amazonaws.com")
    }

    @Test func formEncodingRoundTrips() throws {
        let encoded = FormEncoding.encode("AWS::S3::Bucket é+&=~")
        #expect(encoded == "AWS%3A%3AS3%3A%3ABucket%20%C3%A9%2B%26%3D~")
        let decoded = try #require(FormEncoding.decode(Array("a=\(encoded)&b=x+y&c".utf8)))
        #expect(decoded.map(\.name) == ["a", "b", "c"])
        #expect(decoded.map(\.value) == ["AWS::S3::Bucket é+&=~", "x y", ""])
        #expect(FormEncoding.decode(Array("a=%4".utf8)) == nil)
    }
}

/// CloudFormation's endpoint follows the AWS CLI's per-service rules, with its own service key.
@Suite struct CloudFormationEndpointSettingsTests {
    @Test func serviceSpecificVariablesApplyPerService() throws {
        let files = try CredentialsTestFiles()
        try files.write(
            "config",
            "[default]\nservices = local\n\n[services local]\ncloudformation =\n  endpoint_url = http://cfn-services\n")
        func resolve(_ environment: [String: String]) throws -> String? {
            try ResolvedSettings.resolve(
                environment: files.environment(environment), configuration: files.configuration(environment),
                serviceKey: CloudFormationClient.serviceKey
            ).endpointURL
        }
        #expect(try resolve([:]) == "http://cfn-services")
        #expect(try resolve(["AWS_ENDPOINT_URL": "http://global"]) == "http://global")
        #expect(
            try resolve(["AWS_ENDPOINT_URL_CLOUDFORMATION": "http://cfn", "AWS_ENDPOINT_URL": "http://global"])
                == "http://cfn")
        #expect(try resolve(["AWS_ENDPOINT_URL_CLOUDCONTROL": "http://cc"]) == "http://cfn-services")
    }
}
