import CloudControl
import CloudControlServer
import Foundation
import NIOConcurrencyHelpers
import SigV4
import Testing

/// The client's STS and the credential chain's role, web identity and SSO sources, against
/// servers on loopback: the emulator for STS (AssumeRole, AssumeRoleWithWebIdentity,
/// GetCallerIdentity), a tiny portal for IAM Identity Center's GetRoleCredentials.
@Suite struct RoleCredentialTests {
    /// An emulator with key A in 111111111111 and B in 222222222222, and a count of STS calls.
    final class Fixture: @unchecked Sendable {
        let stsCalls = NIOLockedValueBox([String]())
        let server: EmulatorTestServer
        let cache = RoleSessionCache()
        let trace = NIOLockedValueBox([String]())

        init() throws {
            let calls = stsCalls
            server = try EmulatorTestServer(
                credentials: ["test": "test", "A": "a", "B": "b"],
                accounts: ["A": "111111111111", "B": "222222222222"],
                log: { line in if line.hasPrefix("Assume") { calls.withLockedValue { $0.append(line) } } })
        }

        var endpoint: String { "http://\(server.hostHeader)" }

        var transport: CurlTransport { CurlTransport(configuration: .init(userAgent: "ccs/test", proxies: ProxySettings())) }

        func sts(_ credentials: @escaping @Sendable () throws -> AWSCredentials) -> STSClient {
            let trace = self.trace
            return STSClient(
                configuration: ClientConfiguration(
                    region: "us-east-1", endpointURL: endpoint, maxAttempts: 1,
                    trace: { line in trace.withLockedValue { $0.append(line) } }),
                credentials: credentials, transport: transport)
        }

        var wiring: RoleWiring {
            RoleWiring(sts: { self.sts($0) }, cache: cache, transport: transport)
        }

        /// The account GetCallerIdentity names for `credentials`.
        func identity(_ credentials: AWSCredentials) throws -> STSClient.CallerIdentity {
            try sts { credentials }.getCallerIdentity()
        }
    }

    static func configuration(
        _ config: String, profile: String, credentials: String = "",
        source: SharedConfiguration.ProfileSource = .argument
    ) throws -> SharedConfiguration {
        try SharedConfiguration(
            profileName: profile, profileSource: source, configFilePath: "/test/config",
            configFile: try SharedConfigFile(parsing: config, path: "/test/config"),
            credentialsFilePath: "/test/credentials",
            credentialsFile: try SharedConfigFile(parsing: credentials, path: "/test/credentials"))
    }

    @Test func assumeRoleReturnsCredentialsOfTheRolesAccountAndNothingSecretIsTraced() throws {
        let fixture = try Fixture()
        let a = AWSCredentials(accessKeyId: "A", secretAccessKey: "a")
        #expect(try fixture.identity(a).account == "111111111111")
        let session = try fixture.sts { a }.assumeRole(
            .init(roleArn: "arn:aws:iam::222222222222:role/Audit", sessionName: "s1", externalId: "x-1"))
        #expect(session.assumedRoleArn == "arn:aws:sts::222222222222:assumed-role/Audit/s1")
        #expect(session.credentials.sessionToken != nil)
        let expiration = try #require(session.credentials.expiration)
        #expect(abs(expiration.timeIntervalSinceNow - 3600) < 60)
        let identity = try fixture.identity(session.credentials)
        #expect(identity.account == "222222222222")
        #expect(identity.arn == "arn:aws:sts::222222222222:assumed-role/Audit/s1")
        let traced = fixture.trace.withLockedValue { $0.joined(separator: "\n") }
        #expect(traced.contains("bytes redacted: they carry credentials"))
        #expect(!traced.contains(session.credentials.secretAccessKey))
        #expect(!traced.contains(session.credentials.sessionToken ?? "-"))
    }

    @Test func stsErrorsAreTypedAndNamed() throws {
        let fixture = try Fixture()
        let error = try #require(throws: STSError.self) {
            try fixture.sts { AWSCredentials(accessKeyId: "A", secretAccessKey: "a") }.assumeRole(
                .init(roleArn: "arn:aws:iam::2:role/x", sessionName: "s1"))
        }
        #expect(error.code == "ValidationError")
        #expect(error.description.hasPrefix("An error occurred (ValidationError) when calling the AssumeRole operation:"))
    }

    @Test func aRoleProfileChainsThroughItsSourceProfiles() throws {
        let fixture = try Fixture()
        let config = """
            [profile base]
            [profile hop]
            role_arn = arn:aws:iam::222222222222:role/Hop
            source_profile = base
            role_session_name = hop-session
            [profile target]
            role_arn = arn:aws:iam::111111111111:role/Target
            source_profile = hop
            external_id = ext-9
            duration_seconds = 1800
            """
        let shared = try Self.configuration(config, profile: "target", credentials: "[base]\naws_access_key_id = A\naws_secret_access_key = a\n")
        let chain = CredentialProviderChain.standard(
            configuration: shared, environment: [:], transport: fixture.transport, roles: fixture.wiring)
        let credentials = try chain.resolve()
        let identity = try fixture.identity(credentials)
        #expect(identity.account == "111111111111")
        #expect(identity.arn.hasPrefix("arn:aws:sts::111111111111:assumed-role/Target/ccs-session-"))
        let expiration = try #require(credentials.expiration)
        #expect(abs(expiration.timeIntervalSinceNow - 1800) < 60)
        #expect(fixture.stsCalls.withLockedValue { $0.count } == 2)

        // A second chain for the same roles and sessions shares the cache: no new STS call.
        let again = CredentialProviderChain.standard(
            configuration: shared, environment: [:], transport: fixture.transport, roles: fixture.wiring)
        let hop = try Self.configuration(config, profile: "hop", credentials: "[base]\naws_access_key_id = A\naws_secret_access_key = a\n")
        _ = try CredentialProviderChain.standard(
            configuration: hop, environment: [:], transport: fixture.transport, roles: fixture.wiring
        ).resolve()
        #expect(fixture.stsCalls.withLockedValue { $0.count } == 2)
        _ = again
    }

    @Test func credentialSourceEnvironmentSignsAssumeRole() throws {
        let fixture = try Fixture()
        let shared = try Self.configuration(
            "[profile ops]\nrole_arn = arn:aws:iam::222222222222:role/Ops\ncredential_source = Environment\n",
            profile: "ops")
        let chain = CredentialProviderChain.standard(
            configuration: shared, environment: ["AWS_ACCESS_KEY_ID": "A", "AWS_SECRET_ACCESS_KEY": "a"],
            transport: fixture.transport, roles: fixture.wiring)
        #expect(try fixture.identity(try chain.resolve()).account == "222222222222")
    }

    @Test func misconfiguredRoleProfilesSayWhy() throws {
        let fixture = try Fixture()
        for (config, fragment) in [
            ("[profile p]\nrole_arn = arn:aws:iam::222222222222:role/R\n", "neither source_profile, credential_source"),
            ("[profile p]\nrole_arn = arn:aws:iam::222222222222:role/R\nsource_profile = nope\n", "source_profile nope could not be found"),
            ("[profile p]\nrole_arn = arn:aws:iam::222222222222:role/R\ncredential_source = Moon\n", "credential_source Moon"),
            ("[profile p]\nrole_arn = arn:aws:iam::222222222222:role/R\nsource_profile = q\n[profile q]\nrole_arn = arn:aws:iam::222222222222:role/S\nsource_profile = p\n", "Infinite loop"),
        ] {
            let chain = CredentialProviderChain.standard(
                configuration: try Self.configuration(config, profile: "p"), environment: [:],
                transport: fixture.transport, roles: fixture.wiring)
            let error = try #require(throws: CredentialError.self) { try chain.resolve() }
            #expect(error.message.contains(fragment), "\(error.message)")
        }
    }

    @Test func webIdentityFromTheEnvironmentAndFromAProfile() throws {
        let fixture = try Fixture()
        let tokenFile = FileManager.default.temporaryDirectory.appendingPathComponent("ccs-token-\(UUID().uuidString)").path
        try "eyJhbGciOi.eyJzdWIiOi.sig\n".write(toFile: tokenFile, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: tokenFile) }
        let none = try Self.configuration("", profile: "default", source: .defaultProfile)
        let chain = CredentialProviderChain.standard(
            configuration: none,
            environment: [
                "AWS_WEB_IDENTITY_TOKEN_FILE": tokenFile, "AWS_ROLE_ARN": "arn:aws:iam::222222222222:role/ci",
                "AWS_ROLE_SESSION_NAME": "gha",
            ],
            transport: fixture.transport, roles: fixture.wiring)
        #expect(try fixture.identity(try chain.resolve()).arn == "arn:aws:sts::222222222222:assumed-role/ci/gha")

        let profile = try Self.configuration(
            "[profile pod]\nrole_arn = arn:aws:iam::111111111111:role/pod\nweb_identity_token_file = \(tokenFile)\nrole_session_name = eks\n",
            profile: "pod")
        let fromProfile = CredentialProviderChain.standard(
            configuration: profile, environment: [:], transport: fixture.transport, roles: fixture.wiring)
        #expect(try fixture.identity(try fromProfile.resolve()).arn == "arn:aws:sts::111111111111:assumed-role/pod/eks")

        let missing = try Self.configuration(
            "[profile pod]\nrole_arn = arn:aws:iam::111111111111:role/pod\nweb_identity_token_file = /nonexistent/token\n",
            profile: "pod")
        let error = try #require(throws: CredentialError.self) {
            try CredentialProviderChain.standard(
                configuration: missing, environment: [:], transport: fixture.transport, roles: fixture.wiring
            ).resolve()
        }
        #expect(error.kind == .webIdentityFailed)
        #expect(error.message.contains("/nonexistent/token cannot be read"))
    }

    /// IAM Identity Center's portal: GetRoleCredentials for one token, account and role.
    struct Portal: ServerRequestHandler {
        func handle(_ request: ServerRequest) -> ServerReply {
            guard request.method == "GET", request.path == "/federation/credentials",
                request.header("x-amz-sso_bearer_token") == "sso-access-token",
                request.query.contains("account_id=333333333333"), request.query.contains("role_name=ReadOnly")
            else {
                let body = #"{"message":"Session token not found or invalid"}"#
                return .respond(
                    HTTPResponse(
                        status: 401, headers: [("x-amzn-ErrorType", "UnauthorizedException")], body: Array(body.utf8)))
            }
            let body = """
                {"roleCredentials":{"accessKeyId":"ASIASSO","secretAccessKey":"sso-secret","sessionToken":"sso-token","expiration":\(Int((Date().timeIntervalSince1970 + 3600) * 1000))}}
                """
            return .respond(HTTPResponse(status: 200, headers: [("Content-Type", "application/json")], body: Array(body.utf8)))
        }

        func response(to failure: HTTPProtocolFailure) -> HTTPResponse {
            HTTPResponse(status: 400, headers: [], body: [])
        }
    }

    @Test func ssoProfilesExchangeTheCLIsCachedTokenForRoleCredentials() throws {
        let fixture = try Fixture()
        let portal = try HTTPServer.start(configuration: HTTPServerConfiguration(port: 0), handler: Portal())
        defer { portal.shutdown() }
        let home = FileManager.default.temporaryDirectory.appendingPathComponent("ccs-sso-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: home + "/.aws/sso/cache", withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: home) }
        let later = ISO8601DateFormatter().string(from: Date().addingTimeInterval(3600))
        let earlier = ISO8601DateFormatter().string(from: Date().addingTimeInterval(-60))
        try #"{"startUrl":"https://example.awsapps.com/start","region":"eu-west-1","accessToken":"sso-access-token","expiresAt":"\#(later)"}"#
            .write(toFile: home + "/.aws/sso/cache/a1.json", atomically: true, encoding: .utf8)
        try #"{"startUrl":"https://example.awsapps.com/start","accessToken":"stale","expiresAt":"\#(earlier)"}"#
            .write(toFile: home + "/.aws/sso/cache/b2.json", atomically: true, encoding: .utf8)
        let config = """
            [profile dev]
            sso_session = corp
            sso_account_id = 333333333333
            sso_role_name = ReadOnly
            [sso-session corp]
            sso_start_url = https://example.awsapps.com/start
            sso_region = eu-west-1
            [profile other]
            sso_start_url = https://other.awsapps.com/start
            sso_region = eu-west-1
            sso_account_id = 333333333333
            sso_role_name = ReadOnly
            """
        var wiring = fixture.wiring
        wiring.ssoEndpointURL = portal.url
        let chain = CredentialProviderChain.standard(
            configuration: try Self.configuration(config, profile: "dev"), environment: ["HOME": home],
            transport: fixture.transport, roles: wiring)
        let credentials = try chain.resolve()
        #expect(credentials.accessKeyId == "ASIASSO")
        #expect(credentials.sessionToken == "sso-token")
        #expect(abs((credentials.expiration ?? .distantPast).timeIntervalSinceNow - 3600) < 60)

        let other = CredentialProviderChain.standard(
            configuration: try Self.configuration(config, profile: "other"), environment: ["HOME": home],
            transport: fixture.transport, roles: wiring)
        let error = try #require(throws: CredentialError.self) { try other.resolve() }
        #expect(error.kind == .ssoFailed)
        #expect(error.message.contains("run 'aws sso login' first"))
    }
}
