import Foundation
import Testing

@testable import SigV4

/// The verifier accepts what the signer signs and rejects each kind of failure with the
/// error AWS would give.
struct SigV4VerifierTests {
    static let secret = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"
    static let credentials = AWSCredentials(
        accessKeyId: "AKIDEXAMPLE", secretAccessKey: secret, sessionToken: "session-token-value")
    static let date = FixtureSupport.suiteDate
    static let signer = SigV4Signer(service: "cloudcontrolapi", region: "eu-west-3")
    static let verifier = SigV4Verifier(service: "cloudcontrolapi", region: "eu-west-3") { key in
        key == "AKIDEXAMPLE" ? secret : nil
    }

    static func request(body: String = #"{"TypeName":"AWS::Logs::LogGroup"}"#) -> SigV4Request {
        SigV4Request(
            method: "POST", path: "/", query: "",
            headers: [
                ("Host", "cloudcontrolapi.eu-west-3.amazonaws.com"),
                ("Content-Type", "application/x-amz-json-1.0"),
                ("X-Amz-Target", "CloudApiService.ListResources"),
            ], body: Array(body.utf8))
    }

    /// The request as the server receives it: the signer's headers, the same body.
    static func signed(_ request: SigV4Request, by signer: SigV4Signer = signer, at date: Date = date)
        -> SigV4Request
    {
        var sent = request
        sent.headers = signer.sign(request, credentials: credentials, date: date).headers
        return sent
    }

    static func rejection(_ request: SigV4Request, now: Date = date, verifier: SigV4Verifier = verifier)
        -> SigV4VerificationError?
    {
        do {
            _ = try verifier.verify(request, now: now)
            return nil
        } catch {
            return error
        }
    }

    @Test func acceptsWhatTheSignerSigns() throws {
        let identity = try Self.verifier.verify(Self.signed(Self.request()), now: Self.date)
        #expect(identity.accessKeyId == "AKIDEXAMPLE")
        #expect(identity.region == "eu-west-3")
        #expect(identity.service == "cloudcontrolapi")
        #expect(identity.date == Self.date)
        #expect(identity.sessionToken == "session-token-value")
        #expect(
            identity.signedHeaders == [
                "content-type", "host", "x-amz-date", "x-amz-security-token", "x-amz-target",
            ])
        #expect(!"\(identity)".contains("session-token-value"))
    }

    @Test func acceptsEncodedPathsQueriesAndContentHashHeaders() throws {
        let signer = SigV4Signer(
            service: "cloudcontrolapi", region: "eu-west-3",
            options: SigV4Options(addContentSHA256Header: true))
        var request = Self.request()
        request.path = "/a%20b/./c"
        request.query = "b=2&a=%E1%88%B4&a=1"
        let sent = Self.signed(request, by: signer)
        #expect(throws: Never.self) { try Self.verifier.verify(sent, now: Self.date) }
    }

    @Test func acceptsAnyRegionWhenNoneIsConfigured() throws {
        let verifier = SigV4Verifier(service: "cloudcontrolapi") { _ in Self.secret }
        let other = SigV4Signer(service: "cloudcontrolapi", region: "ap-south-2")
        let identity = try verifier.verify(Self.signed(Self.request(), by: other), now: Self.date)
        #expect(identity.region == "ap-south-2")
    }

    @Test func acceptsClockSkewWithinFifteenMinutes() {
        let sent = Self.signed(Self.request())
        #expect(Self.rejection(sent, now: Self.date.addingTimeInterval(14 * 60)) == nil)
        #expect(Self.rejection(sent, now: Self.date.addingTimeInterval(-14 * 60)) == nil)
    }

    @Test func missingAuthorizationIsMissingAuthenticationToken() {
        let error = Self.rejection(Self.request())
        #expect(error?.kind == .missingAuthenticationToken)
        #expect(error?.code == "MissingAuthenticationTokenException")
    }

    @Test(arguments: [
        (
            "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/eu-west-3/cloudcontrolapi/aws4_request, "
                + "SignedHeaders=host;x-amz-date", "Authorization header requires 'Signature' parameter."
        ),
        (
            "AWS4-HMAC-SHA256 SignedHeaders=host;x-amz-date, Signature=abcd",
            "Authorization header requires 'Credential' parameter."
        ),
        ("AWS AKIDEXAMPLE:c2lnbmF0dXJl", "Unsupported signing algorithm 'AWS'"),
        (
            "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/eu-west-3, SignedHeaders=host;x-amz-date, Signature=ab",
            "Credential 'AKIDEXAMPLE/20150830/eu-west-3' is malformed"
        ),
    ])
    func malformedAuthorizationIsIncompleteSignature(_ header: String, _ expectedMessage: String) {
        var sent = Self.signed(Self.request())
        sent.headers = sent.headers.filter { $0.name != "Authorization" } + [("Authorization", header)]
        let error = Self.rejection(sent)
        #expect(error?.kind == .incompleteSignature)
        #expect(error?.code == "IncompleteSignatureException")
        #expect(error?.httpStatus == 400)
        #expect(error?.message.contains(expectedMessage) == true, "\(String(describing: error))")
    }

    @Test func missingOrMalformedDateIsIncompleteSignature() {
        var sent = Self.signed(Self.request())
        sent.headers.removeAll { $0.name == "X-Amz-Date" }
        #expect(Self.rejection(sent)?.message.contains("'X-Amz-Date'") == true)
        sent.headers.append(("X-Amz-Date", "2015-08-30T12:36:00Z"))
        #expect(Self.rejection(sent)?.kind == .incompleteSignature)
    }

    @Test func unsignedHostIsIncompleteSignature() {
        let signer = SigV4Signer(
            service: "cloudcontrolapi", region: "eu-west-3",
            options: SigV4Options(unsignedHeaders: ["host"]))
        let error = Self.rejection(Self.signed(Self.request(), by: signer))
        #expect(error?.kind == .incompleteSignature)
        #expect(error?.message == "'Host' must be a 'SignedHeader' in the AWS Authorization.")
    }

    @Test func unknownAccessKeyIsUnrecognizedClient() {
        let verifier = SigV4Verifier(service: "cloudcontrolapi") { _ in nil }
        let error = Self.rejection(Self.signed(Self.request()), verifier: verifier)
        #expect(error?.kind == .unrecognizedClient)
        #expect(error?.code == "UnrecognizedClientException")
        #expect(error?.message.contains("AKIDEXAMPLE") == true)
        #expect(error?.message.contains(Self.secret) == false)
    }

    @Test func tamperedBodyIsInvalidSignatureShowingTheServersCanonicalRequest() throws {
        var sent = Self.signed(Self.request())
        sent.payload = .bytes(Array(#"{"TypeName":"AWS::S3::Bucket"}"#.utf8))
        let error = try #require(Self.rejection(sent))
        #expect(error.kind == .invalidSignature)
        #expect(error.code == "InvalidSignatureException")
        // What the server computed is what an honest client would have signed for this body.
        let honest = Self.signer.sign(
            Self.request(body: #"{"TypeName":"AWS::S3::Bucket"}"#), credentials: Self.credentials,
            date: Self.date)
        #expect(error.canonicalRequest == honest.canonicalRequest)
        #expect(error.stringToSign == honest.stringToSign)
        // The quoted canonical request hides the session token (a credential).
        #expect(
            error.message.contains(
                "The Canonical String for this request should have been\n'"
                    + honest.canonicalRequest.replacingOccurrences(
                        of: "x-amz-security-token:session-token-value",
                        with: "x-amz-security-token:<redacted>") + "'"))
        #expect(!error.message.contains("session-token-value"))
    }

    @Test func wrongSecretIsInvalidSignature() {
        let verifier = SigV4Verifier(service: "cloudcontrolapi") { _ in "another-secret" }
        let error = Self.rejection(Self.signed(Self.request()), verifier: verifier)
        #expect(error?.kind == .invalidSignature)
        #expect(error?.message.contains("another-secret") == false)
    }

    @Test func changedSignedHeaderIsInvalidSignature() {
        var sent = Self.signed(Self.request())
        sent.headers = sent.headers.map {
            $0.name == "X-Amz-Target" ? ($0.name, "CloudApiService.DeleteResource") : $0
        }
        #expect(Self.rejection(sent)?.kind == .invalidSignature)
    }

    @Test func lyingContentHashHeaderIsInvalidSignature() {
        let signer = SigV4Signer(
            service: "cloudcontrolapi", region: "eu-west-3",
            options: SigV4Options(addContentSHA256Header: true))
        var sent = Self.signed(Self.request(), by: signer)
        sent.payload = .bytes(Array("other".utf8))
        let error = Self.rejection(sent)
        #expect(error?.kind == .invalidSignature)
        #expect(error?.message.contains("x-amz-content-sha256") == true)
    }

    @Test func timestampMoreThanFifteenMinutesOffIsSignatureExpired() {
        let sent = Self.signed(Self.request())
        let late = Self.rejection(sent, now: Self.date.addingTimeInterval(16 * 60))
        #expect(late?.kind == .signatureExpired)
        #expect(
            late?.message.hasPrefix(
                "Signature expired: 20150830T123600Z is now earlier than 20150830T123700Z (20150830T125200Z - 15 min.)"
            )
                == true)
        #expect(late?.message.contains("the request timestamp is more than 15 minutes off") == true)
        let early = Self.rejection(sent, now: Self.date.addingTimeInterval(-16 * 60))
        #expect(early?.kind == .signatureExpired)
        #expect(
            early?.message.hasPrefix("Signature not yet current: 20150830T123600Z is still later than")
                == true)
    }

    @Test func wrongRegionServiceOrDateInScopeIsScopeMismatch() {
        let otherRegion = SigV4Signer(service: "cloudcontrolapi", region: "us-east-1")
        let regionError = Self.rejection(Self.signed(Self.request(), by: otherRegion))
        #expect(regionError?.kind == .credentialScopeMismatch)
        #expect(
            regionError?.message
                == "Credential should be scoped to a valid region: 'eu-west-3', not 'us-east-1'.")

        let otherService = SigV4Signer(service: "dynamodb", region: "eu-west-3")
        let serviceError = Self.rejection(Self.signed(Self.request(), by: otherService))
        #expect(serviceError?.kind == .credentialScopeMismatch)
        #expect(
            serviceError?.message
                == "Credential should be scoped to correct service: 'cloudcontrolapi', not 'dynamodb'.")

        var sent = Self.signed(Self.request())
        sent.headers = sent.headers.map { $0.name == "X-Amz-Date" ? ($0.name, "20150831T000100Z") : $0 }
        let dateError = Self.rejection(sent, now: Self.date.addingTimeInterval(11 * 3600 + 25 * 60))
        #expect(dateError?.kind == .credentialScopeMismatch)
        #expect(dateError?.message.contains("'20150830' != '20150831'") == true)
    }

    @Test func signatureComparisonIsExactAndLengthAware() {
        #expect(LibCrypto.constantTimeEquals("abc", "abc"))
        #expect(!LibCrypto.constantTimeEquals("abc", "abd"))
        #expect(!LibCrypto.constantTimeEquals("abc", "abcd"))
        #expect(!LibCrypto.constantTimeEquals("", "a"))
        #expect(LibCrypto.constantTimeEquals("", ""))
    }
}
