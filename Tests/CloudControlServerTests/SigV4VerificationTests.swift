import CloudControl
import Foundation
import SigV4
import Testing

/// Every request must carry a valid SigV4 signature by a known key, dated within 15 minutes.
@Suite struct SigV4VerificationTests {
    private static let listBody = #"{"TypeName":"AWS::S3::Bucket"}"#
    private static let target = "CloudApiService.ListResources"

    private func expectRefused(
        _ response: RawHTTPResponse, status: Int, type: String, messageContains: String,
        sourceLocation: SourceLocation = #_sourceLocation
    ) throws {
        #expect(response.status == status, sourceLocation: sourceLocation)
        let body = try ErrorBody(response)
        #expect(body.type == type, sourceLocation: sourceLocation)
        #expect(body.message.contains(messageContains), "message: \(body.message)", sourceLocation: sourceLocation)
    }

    @Test func acceptsTheDefaultTestCredentials() throws {
        let emulator = try EmulatorTestServer()
        #expect(try emulator.send(emulator.requestBytes(target: Self.target, body: Self.listBody)).status == 200)
    }

    @Test func acceptsExtraCredentialsAndForgetsNone() throws {
        let emulator = try EmulatorTestServer(credentials: ["test": "test", "AKIDEXAMPLE": "s3cr3t"])
        let extra = AWSCredentials(accessKeyId: "AKIDEXAMPLE", secretAccessKey: "s3cr3t")
        #expect(try emulator.send(emulator.requestBytes(target: Self.target, body: Self.listBody, credentials: extra)).status == 200)
        #expect(try emulator.send(emulator.requestBytes(target: Self.target, body: Self.listBody)).status == 200)
    }

    @Test func refusesAMissingSignature() throws {
        let emulator = try EmulatorTestServer()
        let response = try emulator.send(emulator.requestBytes(target: Self.target, body: Self.listBody, credentials: nil))
        try expectRefused(response, status: 403, type: "MissingAuthenticationTokenException", messageContains: "Authentication Token")
    }

    @Test func refusesAnUnknownAccessKey() throws {
        let emulator = try EmulatorTestServer()
        let stranger = AWSCredentials(accessKeyId: "AKIDUNKNOWN", secretAccessKey: "test")
        let response = try emulator.send(emulator.requestBytes(target: Self.target, body: Self.listBody, credentials: stranger))
        try expectRefused(response, status: 403, type: "UnrecognizedClientException", messageContains: "AKIDUNKNOWN")
    }

    @Test func refusesAWrongSecret() throws {
        let emulator = try EmulatorTestServer()
        let wrong = AWSCredentials(accessKeyId: "test", secretAccessKey: "not-the-secret")
        let response = try emulator.send(emulator.requestBytes(target: Self.target, body: Self.listBody, credentials: wrong))
        try expectRefused(response, status: 403, type: "InvalidSignatureException", messageContains: "does not match")
    }

    @Test func refusesABodyChangedAfterSigning() throws {
        let emulator = try EmulatorTestServer()
        let bytes = emulator.requestBytes(target: Self.target, body: Self.listBody) { _, body in
            body = #"{"TypeName":"AWS::SQS::Queue"}"#
        }
        try expectRefused(try emulator.send(bytes), status: 403, type: "InvalidSignatureException", messageContains: "does not match")
    }

    @Test func refusesATargetChangedAfterSigning() throws {
        let emulator = try EmulatorTestServer()
        let bytes = emulator.requestBytes(target: Self.target, body: Self.listBody) { headers, _ in
            headers = headers.map { $0.name == "X-Amz-Target" ? ($0.name, "CloudApiService.GetResource") : $0 }
        }
        try expectRefused(try emulator.send(bytes), status: 403, type: "InvalidSignatureException", messageContains: "does not match")
    }

    @Test(arguments: [-20 * 60.0, 20 * 60.0])
    func refusesATimestampMoreThan15MinutesOff(offset: TimeInterval) throws {
        let emulator = try EmulatorTestServer()
        let bytes = emulator.requestBytes(target: Self.target, body: Self.listBody, date: Date().addingTimeInterval(offset))
        let expected = offset < 0 ? "Signature expired" : "Signature not yet current"
        try expectRefused(try emulator.send(bytes), status: 403, type: "InvalidSignatureException", messageContains: expected)
    }

    @Test(arguments: [-14 * 60.0, 14 * 60.0])
    func acceptsATimestampWithin15Minutes(offset: TimeInterval) throws {
        let emulator = try EmulatorTestServer()
        let bytes = emulator.requestBytes(target: Self.target, body: Self.listBody, date: Date().addingTimeInterval(offset))
        #expect(try emulator.send(bytes).status == 200)
    }

    @Test func refusesAGarbledAuthorizationHeader() throws {
        let emulator = try EmulatorTestServer()
        let bytes = emulator.requestBytes(target: Self.target, body: Self.listBody) { headers, _ in
            headers = headers.map { $0.name == "Authorization" ? ($0.name, "AWS4-HMAC-SHA256 Credential=test") : $0 }
        }
        let response = try emulator.send(bytes)
        #expect(response.status == 400)
        #expect(try ErrorBody(response).type == "IncompleteSignatureException")
    }

    @Test func refusesAnotherServicesScope() throws {
        let emulator = try EmulatorTestServer()
        let signer = SigV4Signer(service: "dynamodb", region: "us-east-1")
        let bytes = Self.listRequest(signedBy: signer, for: emulator)
        try expectRefused(try emulator.send(bytes), status: 403, type: "InvalidSignatureException", messageContains: "cloudcontrolapi")
    }

    @Test func acceptsAnyRegionInTheScope() throws {
        let emulator = try EmulatorTestServer()
        let signer = SigV4Signer(service: "cloudcontrolapi", region: "eu-west-3")
        let bytes = Self.listRequest(signedBy: signer, for: emulator)
        #expect(try emulator.send(bytes).status == 200)
    }

    /// A ListResources request signed by `signer` (any service or region), as raw HTTP.
    private static func listRequest(signedBy signer: SigV4Signer, for emulator: EmulatorTestServer) -> String {
        let unsigned: [(name: String, value: String)] = [
            ("Host", emulator.hostHeader), ("Content-Type", CloudControlWire.contentType), ("X-Amz-Target", target),
        ]
        let request = SigV4Request(method: "POST", path: "/", headers: unsigned, body: Array(listBody.utf8))
        var headers = signer.sign(
            request, credentials: AWSCredentials(accessKeyId: "test", secretAccessKey: "test"), date: Date()
        ).headers
        headers.append(("Content-Length", String(listBody.utf8.count)))
        return "POST / HTTP/1.1\r\n" + headers.map { "\($0.name): \($0.value)\r\n" }.joined() + "\r\n" + listBody
    }
}
