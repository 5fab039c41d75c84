import Foundation
import Testing

@testable import SigV4

/// aws-c-auth's v4 signing suite: `context.json` gives credentials (with session tokens),
/// the normalize / omit_session_token / sign_body flags; the header-signing results must match
/// exactly, and the signed request must carry exactly the headers of `header-signed-request.txt`.
struct AwsCAuthSuiteTests {
    static let base = FixtureSupport.root.appendingPathComponent("aws-c-auth/v4")

    static let cases: [String] = FixtureSupport.caseDirectories(under: base) { _ in "context.json" }
        .map(\.lastPathComponent)

    struct Context: Decodable {
        struct Credentials: Decodable {
            let access_key_id: String
            let secret_access_key: String
            let token: String?
        }
        let credentials: Credentials
        let region: String
        let service: String
        let timestamp: String
        let normalize: Bool
        let sign_body: Bool
        let omit_session_token: Bool?
    }

    @Test func suiteHasAllThirtyEightCases() {
        #expect(Self.cases.count == 38)
    }

    /// One case directory: its files, its parsed context and the request it describes.
    struct SuiteCase {
        let directory: URL
        let context: Context
        let request: SigV4Request
        let date: Date
        let credentials: AWSCredentials

        init(_ name: String) throws {
            directory = AwsCAuthSuiteTests.base.appendingPathComponent(name)
            let context = try JSONDecoder().decode(Context.self, from: Data(try Self.read(directory, "context.json").utf8))
            self.context = context
            request = try RawHTTPRequest(text: Self.read(directory, "request.txt")).sigV4Request
            date = try #require(ISO8601DateFormatter().date(from: context.timestamp))
            credentials = AWSCredentials(
                accessKeyId: context.credentials.access_key_id,
                secretAccessKey: context.credentials.secret_access_key, sessionToken: context.credentials.token)
        }

        func file(_ name: String) throws -> String { try Self.read(directory, name) }

        /// A signer with the case's service, region and flags; `signBody` only applies to
        /// header signing (presigned URLs carry no x-amz-content-sha256 header).
        func signer(signBody: Bool) -> SigV4Signer {
            SigV4Signer(
                service: context.service, region: context.region,
                options: SigV4Options(
                    normalizePath: context.normalize, omitSessionToken: context.omit_session_token ?? false,
                    addContentSHA256Header: signBody && context.sign_body))
        }

        private static func read(_ directory: URL, _ name: String) throws -> String {
            try FixtureSupport.read(directory.appendingPathComponent(name))
        }
    }

    @Test(arguments: cases)
    func signsLikeTheSuite(_ name: String) throws {
        let suite = try SuiteCase(name)
        let signed = suite.signer(signBody: true).sign(suite.request, credentials: suite.credentials, date: suite.date)

        #expect(signed.canonicalRequest == (try suite.file("header-canonical-request.txt")))
        #expect(signed.stringToSign == (try suite.file("header-string-to-sign.txt")))
        #expect(signed.signature == (try suite.file("header-signature.txt")))
        let expectedHeaders = try RawHTTPRequest(text: suite.file("header-signed-request.txt")).headers
        #expect(Self.normalized(signed.headers) == Self.normalized(expectedHeaders))
    }

    @Test(arguments: cases)
    func presignsLikeTheSuite(_ name: String) throws {
        let suite = try SuiteCase(name)
        let presigned = suite.signer(signBody: false).presign(
            suite.request, credentials: suite.credentials, date: suite.date, expires: 3600)

        #expect(presigned.canonicalRequest == (try suite.file("query-canonical-request.txt")))
        #expect(presigned.stringToSign == (try suite.file("query-string-to-sign.txt")))
        #expect(presigned.signature == (try suite.file("query-signature.txt")))
        let expectedQuery = try RawHTTPRequest(text: suite.file("query-signed-request.txt")).query
        let sent = CanonicalQuery.parse(query: presigned.query, excluding: nil).map {
            "\($0.name)=\($0.value)"
        }
        let expected = CanonicalQuery.parse(query: expectedQuery, excluding: nil).map {
            "\($0.name)=\($0.value)"
        }
        #expect(sent == expected)
    }

    /// Headers as a sorted list of (lowercase name, collapsed value), to compare regardless of order.
    static func normalized(_ headers: [(name: String, value: String)]) -> [String] {
        headers.map { "\($0.name.lowercased()):\(CanonicalHeaders.canonicalValue($0.value))" }.sorted()
    }
}
