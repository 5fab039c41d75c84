import Foundation
import Testing

@testable import SigV4

/// botocore's copy of the AWS Signature Version 4 test suite: for each `NAME.req`, the
/// canonical request (`.creq`), string to sign (`.sts`) and Authorization header (`.authz`)
/// must match exactly. Like botocore's own harness, the session token (when any) is the one
/// the expected canonical request shows; post-sts-header-after takes it from `.sreq` and
/// checks that it is added after signing.
struct BotocoreSuiteTests {
    static let base = FixtureSupport.root.appendingPathComponent("botocore/aws4_testsuite")

    /// Case paths relative to `base`, e.g. `normalize-path/get-space`.
    static let cases: [String] = FixtureSupport.caseDirectories(under: base) { "\($0).req" }
        .map { String($0.path.dropFirst(base.path.count + 1)) }

    @Test func suiteHasAllThirtyFourCases() {
        #expect(Self.cases.count == 34)
    }

    @Test(arguments: cases)
    func signsLikeTheSuite(_ name: String) throws {
        let directory = Self.base.appendingPathComponent(name)
        let stem = directory.appendingPathComponent(directory.lastPathComponent).path
        let raw = try RawHTTPRequest(text: FixtureSupport.read(URL(fileURLWithPath: stem + ".req")))
        let expectedCanonical = try FixtureSupport.read(URL(fileURLWithPath: stem + ".creq"))
        let expectedStringToSign = try FixtureSupport.read(URL(fileURLWithPath: stem + ".sts"))
        let expectedAuthorization = try FixtureSupport.read(URL(fileURLWithPath: stem + ".authz"))
        let signedRequest = try RawHTTPRequest(
            text: FixtureSupport.read(URL(fileURLWithPath: stem + ".sreq")))

        let tokenInCanonical = expectedCanonical.split(separator: "\n")
            .first { $0.hasPrefix("x-amz-security-token:") }
            .map { String($0.dropFirst("x-amz-security-token:".count)) }
        let tokenSentUnsigned = signedRequest.headers
            .first { $0.name.lowercased() == "x-amz-security-token" }?.value
        let credentials = AWSCredentials(
            accessKeyId: "AKIDEXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY",
            sessionToken: tokenInCanonical ?? tokenSentUnsigned)
        let options = SigV4Options(omitSessionToken: tokenInCanonical == nil && tokenSentUnsigned != nil)
        let signer = SigV4Signer(service: "service", region: "us-east-1", options: options)

        let signed = signer.sign(raw.sigV4Request, credentials: credentials, date: FixtureSupport.suiteDate)

        #expect(signed.canonicalRequest == expectedCanonical)
        #expect(signed.stringToSign == expectedStringToSign)
        #expect(signed.authorization == expectedAuthorization)
        if let token = credentials.sessionToken {
            #expect(signed.headers.contains { $0.name == "X-Amz-Security-Token" && $0.value == token })
        }
    }
}
