import Foundation
import Testing

@testable import SigV4

/// Requests signed by botocore's SigV4Auth (Fixtures/botocore-signed, made by generate.py):
/// the verifier accepts them, and the signer given the same headers and instant produces
/// the very same Authorization header.
struct BotocoreSignedRequestTests {
    struct SignedCase: Decodable, CustomTestStringConvertible {
        let name: String
        let region: String
        let service: String
        let accessKeyId: String
        let secretAccessKey: String
        let sessionToken: String?
        let timestamp: String
        let method: String
        let url: String
        let headers: [[String]]
        let body: String

        var testDescription: String { name }

        var date: Date { ISO8601DateFormatter().date(from: timestamp) ?? .distantPast }
        var headerPairs: [(name: String, value: String)] {
            headers.map { ($0[0], $0.count > 1 ? $0[1] : "") }
        }
        func header(_ name: String) -> String? {
            headerPairs.first { $0.name.lowercased() == name.lowercased() }?.value
        }
    }

    static let cases: [SignedCase] = {
        let url = FixtureSupport.root.appendingPathComponent("botocore-signed/requests.json")
        guard let data = try? Data(contentsOf: url) else { return [] }
        return (try? JSONDecoder().decode([SignedCase].self, from: data)) ?? []
    }()

    @Test func fixtureIsPresent() {
        #expect(Self.cases.count == 3)
    }

    @Test(arguments: cases)
    func verifierAcceptsBotocoreSignatures(_ signed: SignedCase) throws {
        let request = try #require(
            SigV4Request(
                method: signed.method, url: signed.url, headers: signed.headerPairs,
                body: Array(signed.body.utf8)))
        let verifier = SigV4Verifier(service: signed.service, region: signed.region) { key in
            key == signed.accessKeyId ? signed.secretAccessKey : nil
        }
        let identity = try verifier.verify(request, now: signed.date.addingTimeInterval(42))
        #expect(identity.accessKeyId == signed.accessKeyId)
        #expect(identity.sessionToken == signed.sessionToken)
    }

    @Test(arguments: cases)
    func signerReproducesBotocoresAuthorization(_ signed: SignedCase) throws {
        // botocore signs before `prepare()` adds Content-Length, so that header is not signed.
        let owned: Set<String> = ["authorization", "x-amz-date", "x-amz-security-token", "content-length"]
        let unsigned = signed.headerPairs.filter { !owned.contains($0.name.lowercased()) }
        let request = try #require(
            SigV4Request(
                method: signed.method, url: signed.url, headers: unsigned, body: Array(signed.body.utf8)))
        let signer = SigV4Signer(service: signed.service, region: signed.region)
        let credentials = AWSCredentials(
            accessKeyId: signed.accessKeyId, secretAccessKey: signed.secretAccessKey,
            sessionToken: signed.sessionToken)
        let result = signer.sign(request, credentials: credentials, date: signed.date)
        #expect(result.authorization == signed.header("Authorization"))
        #expect(result.addedHeaders.first { $0.name == "X-Amz-Date" }?.value == signed.header("X-Amz-Date"))
    }
}
