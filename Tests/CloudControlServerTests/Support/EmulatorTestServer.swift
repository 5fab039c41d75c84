import CloudControl
import CloudControlLocal
import CloudControlServer
import Foundation
import ResourceSchemas
import SigV4

/// The error body of an awsJson1_0 response.
struct ErrorBody: Decodable, Equatable {
    var type: String
    var message: String

    enum CodingKeys: String, CodingKey {
        case type = "__type"
        case message = "Message"
    }

    init(_ response: RawHTTPResponse) throws {
        self = try JSONDecoder().decode(ErrorBody.self, from: Data(response.body))
    }
}

/// The emulator over HTTP on a free loopback port, with an in-memory engine that completes
/// requests at once (unless `latency` seconds per phase are asked for), and a way to send signed (or deliberately broken) requests to it.
final class EmulatorTestServer {
    let engine: LocalCloudControl
    let server: HTTPServer
    let signer = SigV4Signer(service: "cloudcontrolapi", region: "us-east-1")

    init(
        faults: String = "", credentials: [String: String] = ["test": "test"], accounts: [String: String] = [:],
        latency: Double = 0,
        limits: HTTPServerLimits = HTTPServerLimits(), log: (@Sendable (String) -> Void)? = nil
    ) throws {
        var configuration = LocalConfiguration()
        configuration.latency = latency
        configuration.seed = 1
        let plan = try FaultPlan(spec: faults)
        configuration.faults = plan
        engine = try LocalCloudControl(
            databasePath: ":memory:", configuration: configuration, registry: try SchemaRegistry(includeShipped: true))
        let handler = CloudControlAPIHandler(
            service: engine, credentials: credentials, accounts: accounts, faults: plan, log: log)
        server = try HTTPServer.start(
            configuration: HTTPServerConfiguration(host: "127.0.0.1", port: 0, limits: limits), handler: handler)
    }

    deinit {
        server.shutdown()
        engine.close()
    }

    var hostHeader: String { "127.0.0.1:\(server.port)" }

    /// The bytes of a request. Signed with `credentials` at `date` unless `credentials` is nil;
    /// `tamper` edits the headers and body after signing.
    func requestBytes(
        target: String?, body: String, contentType: String? = CloudControlWire.contentType,
        method: String = "POST", path: String = "/",
        credentials: AWSCredentials? = AWSCredentials(accessKeyId: "test", secretAccessKey: "test"),
        date: Date = Date(),
        tamper: (inout [(name: String, value: String)], inout String) -> Void = { _, _ in }
    ) -> String {
        var headers: [(name: String, value: String)] = [("Host", hostHeader)]
        if let contentType { headers.append(("Content-Type", contentType)) }
        if let target { headers.append(("X-Amz-Target", target)) }
        if let credentials {
            let request = SigV4Request(method: method, path: path, headers: headers, body: Array(body.utf8))
            headers = signer.sign(request, credentials: credentials, date: date).headers
        }
        var finalBody = body
        tamper(&headers, &finalBody)
        headers.append(("Content-Length", String(finalBody.utf8.count)))
        let head = headers.map { "\($0.name): \($0.value)\r\n" }.joined()
        return "\(method) \(path) HTTP/1.1\r\n\(head)\r\n\(finalBody)"
    }

    /// Sends one request on a new connection and reads the response.
    func send(_ bytes: String) throws -> RawHTTPResponse {
        let connection = try RawHTTPConnection(port: server.port)
        defer { connection.close() }
        try connection.send(bytes)
        return try connection.readResponse()
    }

    /// Calls `operation` with `body`, signed with test/test.
    func call(_ operation: APIOperation, _ body: String) throws -> RawHTTPResponse {
        try send(requestBytes(target: CloudControlWire.target(for: operation), body: body))
    }

    /// Calls `operation` and decodes its output; fails the test's expectations via the throw.
    func call<Input: CloudControlInput>(_ input: Input) throws -> Input.Output {
        let body = String(decoding: try CloudControlWire.encodeInput(input), as: UTF8.self)
        let response = try call(Input.operation, body)
        guard response.status == 200 else {
            throw try CloudControlWire.decodeError(status: response.status, headers: response.headers, body: response.body)
        }
        return try CloudControlWire.decodeOutput(Input.Output.self, body: response.body)
    }
}
