import Foundation
import Testing

@testable import SigV4

/// The small stages on inputs the suites do not cover, and the redaction of secrets.
struct SigV4StageTests {
    @Test(arguments: [
        ("/", "/"), ("", "/"), ("/a/b/../c/", "/a/c/"), ("/a/./b", "/a/b"), ("/../a", "/a"), ("///", "/"),
        ("/a//b//", "/a/b/"),
    ])
    func normalizesPaths(_ path: String, _ expected: String) {
        #expect(CanonicalURI.make(path: path, normalize: true, escape: false) == expected)
    }

    @Test func escapingEncodesThePathAsSentOnceMore() {
        #expect(CanonicalURI.make(path: "/a%20b/c d", normalize: true, escape: true) == "/a%2520b/c%20d")
        #expect(CanonicalURI.make(path: "/a%20b//c", normalize: false, escape: false) == "/a%20b//c")
    }

    @Test(arguments: [
        ("", ""), ("b=2&a=1", "a=1&b=2"), ("a=2&a=1", "a=1&a=2"), ("flag", "flag="), ("a=1&&b", "a=1&b="),
        ("k=a+b", "k=a%2Bb"), ("k=a%20b", "k=a%20b"), ("k=%zz", "k=%25zz"), ("k=x/y", "k=x%2Fy"),
    ])
    func canonicalizesQueries(_ query: String, _ expected: String) {
        #expect(CanonicalQuery.make(query: query) == expected)
    }

    @Test func canonicalHeadersTrimCollapseAndJoin() {
        let headers = CanonicalHeaders(
            headers: [("X-B", "  one   two\t three "), ("Host", "h"), ("x-b", "2"), ("User-Agent", "ua")],
            isSigned: { $0 != "user-agent" })
        #expect(headers.block == "host:h\nx-b:one two three,2\n")
        #expect(headers.signedHeaders == "host;x-b")
    }

    @Test func amzDateRoundTripsAndRejectsMalformedInput() {
        let date = AmzDate(FixtureSupport.suiteDate)
        #expect(date.timestamp == "20150830T123600Z")
        #expect(date.dateStamp == "20150830")
        #expect(AmzDate(parsing: "20150830T123600Z")?.date == FixtureSupport.suiteDate)
        for bad in ["2015-08-30T12:36:00Z", "20150230T123600Z", "20150830T123600", "20150830T126000Z", ""] {
            #expect(AmzDate(parsing: bad) == nil, "\(bad)")
        }
    }

    @Test func signingKeyMatchesTheDocumentedDerivation() {
        // The derived key of the AWS General Reference's example (wJalr…EXAMPLEKEY,
        // 20150830/us-east-1/iam), as printed there.
        let key = SigningKeyCache.derive(
            secret: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY",
            scope: CredentialScope(dateStamp: "20150830", region: "us-east-1", service: "iam"))
        #expect(LibCrypto.hex(key) == "c4afb1cc5771d871763a393e44b703571b55cc28424d1a5e86da6ed3c154a4b9")
    }

    @Test func requestFromURLSplitsPathQueryAndAddsHost() throws {
        let request = try #require(
            SigV4Request(method: "POST", url: "https://cloudcontrolapi.eu-west-3.amazonaws.com", headers: []))
        #expect(request.path == "/")
        #expect(request.query == "")
        #expect(request.headerValues("host") == ["cloudcontrolapi.eu-west-3.amazonaws.com"])
        let local = try #require(
            SigV4Request(method: "GET", url: "http://127.0.0.1:4566/x%20y?a=1#frag", headers: []))
        #expect(local.path == "/x%20y")
        #expect(local.query == "a=1")
        #expect(local.headerValues("Host") == ["127.0.0.1:4566"])
        let explicitHost = try #require(
            SigV4Request(method: "GET", url: "https://example.com:443/", headers: [("host", "given")]))
        #expect(explicitHost.headerValues("Host") == ["given"])
        #expect(
            SigV4Request(method: "GET", url: "https://example.com:443/", headers: [])?.headerValues("Host")
                == ["example.com"])
        #expect(SigV4Request(method: "GET", url: "example.com/", headers: []) == nil)
        #expect(SigV4Request(method: "GET", url: "ftp://example.com/", headers: []) == nil)
    }

    @Test func credentialsNeverPrintTheirSecrets() {
        let secret = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"
        let token = "FwoGZXIvYXdzEXAMPLETOKEN"
        let credentials = AWSCredentials(
            accessKeyId: "AKIDEXAMPLE", secretAccessKey: secret, sessionToken: token,
            expiration: FixtureSupport.suiteDate)
        var dumped = ""
        dump(credentials, to: &dumped)
        for text in [
            "\(credentials)", String(describing: credentials), String(reflecting: credentials),
            credentials.debugDescription, dumped, "\([credentials])",
        ] {
            #expect(!text.contains(secret), "\(text)")
            #expect(!text.contains(token), "\(text)")
            #expect(text.contains("AKIDEXAMPLE"))
        }
        #expect("\(credentials)".contains("<redacted>"))
    }
}
