import CCSTestSupport
import Foundation
import Testing

@testable import CloudControl

/// The container and EC2 instance metadata providers against a real HTTP server on loopback,
/// through the libcurl transport. Every endpoint is overridden to 127.0.0.1: no test may
/// reach 169.254.169.254 or 169.254.170.2.
struct MetadataCredentialProviderTests {
    static let secret = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"
    static let document = """
        {"Code": "Success", "Type": "AWS-HMAC", "AccessKeyId": "AKIDMETA", "SecretAccessKey": "\(secret)",
         "Token": "meta-token", "Expiration": "2030-01-01T01:00:00Z", "LastUpdated": "2029-12-31T19:00:00Z"}
        """
    static let expiry = Date(timeIntervalSince1970: 1_893_459_600)

    static func transport() -> CurlTransport {
        CurlTransport(configuration: .init(userAgent: "ccs/test", connectTimeout: 2, totalTimeout: 5))
    }

    static func text(_ status: Int, _ body: String) -> LoopbackReply {
        .respond(
            status: status, headers: [(name: "Content-Type", value: "text/plain")], body: Array(body.utf8))
    }

    // MARK: container credentials

    @Test func containerFullURIWithTokenFile() throws {
        let server = try LoopbackHTTPServer(replies: [.json(Self.document)])
        defer { server.shutdown() }
        let files = try CredentialsTestFiles()
        let tokenFile = try files.write("token", "file-token\n")
        let provider = ContainerCredentialProvider(
            environment: [
                "AWS_CONTAINER_CREDENTIALS_FULL_URI": server.baseURL + "/v2/credentials/abc",
                "AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE": tokenFile,
                "AWS_CONTAINER_AUTHORIZATION_TOKEN": "variable-token",
            ], transport: Self.transport())
        let credentials = try #require(try provider.credentials())
        #expect(credentials.accessKeyId == "AKIDMETA")
        #expect(credentials.secretAccessKey == Self.secret)
        #expect(credentials.sessionToken == "meta-token")
        #expect(credentials.expiration == Self.expiry)
        let request = try #require(server.requests.first)
        #expect(request.method == "GET")
        #expect(request.target == "/v2/credentials/abc")
        #expect(request.header("Authorization") == "file-token")
    }

    @Test func containerTokenVariableAndRetryAfterServerError() throws {
        let server = try LoopbackHTTPServer(replies: [Self.text(500, "busy"), .json(Self.document)])
        defer { server.shutdown() }
        let provider = ContainerCredentialProvider(
            environment: [
                "AWS_CONTAINER_CREDENTIALS_FULL_URI": server.baseURL + "/creds",
                "AWS_CONTAINER_AUTHORIZATION_TOKEN": "variable-token",
            ], transport: Self.transport())
        #expect(try provider.credentials()?.accessKeyId == "AKIDMETA")
        #expect(server.requests.count == 2)
        #expect(server.requests.last?.header("Authorization") == "variable-token")
    }

    @Test func containerErrorsNameTheEndpointAndNeverEchoTheBody() throws {
        let server = try LoopbackHTTPServer(replies: [
            Self.text(404, "not here"), Self.text(200, "secret=\(Self.secret)"),
            .json(#"{"AccessKeyId": "AKIDMETA"}"#),
        ])
        defer { server.shutdown() }
        let url = server.baseURL + "/creds"
        let provider = ContainerCredentialProvider(
            environment: ["AWS_CONTAINER_CREDENTIALS_FULL_URI": url], transport: Self.transport())
        let expected = [
            "Error retrieving container credentials from \(url): it answered HTTP 404",
            "Error retrieving container credentials from \(url): the response is not a JSON credentials object",
            "Error retrieving container credentials from \(url): the response is missing the SecretAccessKey field",
        ]
        for message in expected {
            #expect(throws: CredentialError(.containerFailed, message)) { try provider.credentials() }
        }
    }

    @Test(arguments: [
        "http://example.com/creds", "http://10.0.0.1/creds", "ftp://127.0.0.1/creds", "not a url",
    ])
    func containerFullURIMustBeLoopbackOrHTTPS(_ uri: String) throws {
        let server = try LoopbackHTTPServer()
        defer { server.shutdown() }
        let provider = ContainerCredentialProvider(
            environment: ["AWS_CONTAINER_CREDENTIALS_FULL_URI": uri], transport: Self.transport())
        #expect(throws: CredentialError.self) { try provider.credentials() }
        #expect(server.requests.isEmpty)
    }

    @Test func containerTokenWithALineBreakIsRefused() throws {
        let server = try LoopbackHTTPServer(replies: [.json(Self.document)])
        defer { server.shutdown() }
        let provider = ContainerCredentialProvider(
            environment: [
                "AWS_CONTAINER_CREDENTIALS_FULL_URI": server.baseURL + "/creds",
                "AWS_CONTAINER_AUTHORIZATION_TOKEN": "a\r\nX-Injected: 1",
            ], transport: Self.transport())
        #expect(throws: CredentialError.self) { try provider.credentials() }
        #expect(server.requests.isEmpty)
    }

    @Test func containerRelativeURIIsOnTheECSAgentAddress() {
        #expect(
            ContainerCredentialProvider.requestURL(environment: [
                "AWS_CONTAINER_CREDENTIALS_RELATIVE_URI": "/v2/credentials/x",
                "AWS_CONTAINER_CREDENTIALS_FULL_URI": "http://127.0.0.1/ignored",
            ]) == "http://169.254.170.2/v2/credentials/x")
        #expect(ContainerCredentialProvider.requestURL(environment: [:]) == nil)
    }

    // MARK: instance metadata

    /// An IMDS stand-in: a session token, one role, its credentials; records what it saw.
    static func imdsServer(tokenStatus: Int = 200, rolesStatus: Int = 200, document: String = document) throws
        -> LoopbackHTTPServer
    {
        try LoopbackHTTPServer(responder: { request in
            switch (request.method, request.target) {
            case ("PUT", "/latest/api/token"):
                return Self.text(tokenStatus, tokenStatus == 200 ? "SESSION-TOKEN" : "")
            case ("GET", "/latest/meta-data/iam/security-credentials/"):
                return Self.text(rolesStatus, rolesStatus == 200 ? "my-role\n" : "")
            case ("GET", "/latest/meta-data/iam/security-credentials/my-role"):
                return .json(document)
            default:
                return Self.text(400, "unexpected \(request.method) \(request.target)")
            }
        })
    }

    static func imds(_ server: LoopbackHTTPServer, _ extra: [String: String] = [:])
        -> InstanceMetadataCredentialProvider
    {
        InstanceMetadataCredentialProvider(
            environment: ["AWS_EC2_METADATA_SERVICE_ENDPOINT": server.baseURL + "/"].merging(extra) { $1 },
            transport: Self.transport())
    }

    @Test func imdsV2TokenThenRoleThenCredentials() throws {
        let server = try Self.imdsServer()
        defer { server.shutdown() }
        let credentials = try #require(try Self.imds(server).credentials())
        #expect(credentials.accessKeyId == "AKIDMETA")
        #expect(credentials.sessionToken == "meta-token")
        #expect(credentials.expiration == Self.expiry)
        let requests = server.requests
        #expect(
            requests.map { "\($0.method) \($0.target)" } == [
                "PUT /latest/api/token", "GET /latest/meta-data/iam/security-credentials/",
                "GET /latest/meta-data/iam/security-credentials/my-role",
            ])
        #expect(requests[0].header("X-aws-ec2-metadata-token-ttl-seconds") == "21600")
        #expect(requests[1].header("X-aws-ec2-metadata-token") == "SESSION-TOKEN")
        #expect(requests[2].header("X-aws-ec2-metadata-token") == "SESSION-TOKEN")
    }

    @Test func imdsFallsBackToV1WhenTheTokenCallIsRefused() throws {
        let server = try Self.imdsServer(tokenStatus: 405)
        defer { server.shutdown() }
        #expect(try Self.imds(server).credentials()?.accessKeyId == "AKIDMETA")
        #expect(server.requests.dropFirst().allSatisfy { $0.header("X-aws-ec2-metadata-token") == nil })
    }

    @Test func imdsV1CanBeForbidden() throws {
        let server = try Self.imdsServer(tokenStatus: 403)
        defer { server.shutdown() }
        #expect(throws: CredentialError.self) {
            try Self.imds(server, ["AWS_EC2_METADATA_V1_DISABLED": "true"]).credentials()
        }
        #expect(server.requests.count == 1)
    }

    @Test func imdsWithoutARoleHasNothing() throws {
        let server = try Self.imdsServer(rolesStatus: 404)
        defer { server.shutdown() }
        #expect(try Self.imds(server).credentials() == nil)
    }

    @Test func imdsFailureCodeIsAnError() throws {
        let server = try Self.imdsServer(
            document: #"{"Code": "AssumeRoleUnauthorizedAccess", "Message": "no"}"#)
        defer { server.shutdown() }
        #expect(throws: CredentialError.self) { try Self.imds(server).credentials() }
    }

    @Test func unreachableIMDSMeansNotConfigured() throws {
        let server = try LoopbackHTTPServer()
        let closedURL = server.baseURL
        server.shutdown()
        let provider = InstanceMetadataCredentialProvider(
            environment: ["AWS_EC2_METADATA_SERVICE_ENDPOINT": closedURL], transport: Self.transport())
        #expect(try provider.credentials() == nil)
    }

    @Test func imdsDisabledAndEndpointSelection() throws {
        let server = try Self.imdsServer()
        defer { server.shutdown() }
        let disabled = Self.imds(server, ["AWS_EC2_METADATA_DISABLED": "true"])
        #expect(disabled.endpoint == nil)
        #expect(try disabled.credentials() == nil)
        #expect(server.requests.isEmpty)
        let transport = Self.transport()
        #expect(
            InstanceMetadataCredentialProvider(environment: [:], transport: transport).endpoint
                == "http://169.254.169.254")
        #expect(
            InstanceMetadataCredentialProvider(
                environment: ["AWS_EC2_METADATA_SERVICE_ENDPOINT_MODE": "IPv6"], transport: transport
            ).endpoint
                == "http://[fd00:ec2::254]")
    }

    @Test func theStandardChainReachesIMDSLastAndCachesItsCredentials() throws {
        let server = try Self.imdsServer()
        defer { server.shutdown() }
        let files = try CredentialsTestFiles()
        let environment = files.environment([
            "AWS_EC2_METADATA_DISABLED": "", "AWS_EC2_METADATA_SERVICE_ENDPOINT": server.baseURL,
        ])
        let chain = CredentialProviderChain.standard(
            configuration: try SharedConfiguration.load(explicitProfile: nil, environment: environment),
            environment: environment, transport: Self.transport())
        #expect(try chain.credentials()?.accessKeyId == "AKIDMETA")
        #expect(try chain.credentials()?.accessKeyId == "AKIDMETA")
        #expect(server.requests.count == 3)  // the second call was served from the cache
    }
}
