import CCSTestSupport
import Foundation
import SigV4

@testable import CloudControl

/// A `CloudControlClient` wired to a `LoopbackHTTPServer`, with recorded (never real) sleeps,
/// fixed jitter and a traced debug log.
final class ClientTestHarness: @unchecked Sendable {
    static let credentials = AWSCredentials(
        accessKeyId: "AKIDHARNESSEXAMPLE", secretAccessKey: "harness/secret/key/EXAMPLE",
        sessionToken: "harness-session-token")

    let server: LoopbackHTTPServer
    let client: CloudControlClient
    private let recorder = Recorder()

    init(
        replies: [LoopbackReply] = [], maxAttempts: Int? = nil, attemptTimeout: TimeInterval? = nil,
        maxResponseBytes: Int = 1 << 20
    ) throws {
        server = try LoopbackHTTPServer(replies: replies)
        let transport = CurlTransport(
            configuration: .init(
                userAgent: "ccs/test", connectTimeout: 2, totalTimeout: 10,
                maxResponseBytes: maxResponseBytes, proxies: ProxySettings()))
        // Each attempt is dated one second later, so re-signing is observable.
        let clock = Clock()
        let recorder = self.recorder
        client = CloudControlClient(
            configuration: ClientConfiguration(
                region: "eu-west-3", endpointURL: server.baseURL, maxAttempts: maxAttempts,
                attemptTimeout: attemptTimeout,
                trace: { line in recorder.record(trace: line) },
                sleep: { delay in recorder.record(sleep: delay) },
                random: { 0.5 },
                now: { clock.tick() }),
            credentials: { ClientTestHarness.credentials },
            transport: transport)
    }

    deinit {
        client.close()
        server.shutdown()
    }

    /// The delays the client asked to sleep for, in order.
    var sleeps: [TimeInterval] { recorder.sleeps }

    /// Everything the client traced, one entry per line.
    var trace: String { recorder.trace }

    /// Collects sleeps and trace lines from the client, which may call from any thread.
    final class Recorder: @unchecked Sendable {
        private let lock = NSLock()
        private var sleepsRecorded: [TimeInterval] = []
        private var traceRecorded: [String] = []

        var sleeps: [TimeInterval] {
            lock.lock()
            defer { lock.unlock() }
            return sleepsRecorded
        }

        var trace: String {
            lock.lock()
            defer { lock.unlock() }
            return traceRecorded.joined(separator: "\n")
        }

        func record(sleep: TimeInterval) {
            lock.lock()
            sleepsRecorded.append(sleep)
            lock.unlock()
        }

        func record(trace line: String) {
            lock.lock()
            traceRecorded.append(line)
            lock.unlock()
        }
    }

    /// The JSON object of a recorded request body.
    static func bodyObject(_ request: LoopbackHTTPServer.Request) -> [String: String] {
        guard let object = try? JSONSerialization.jsonObject(with: Data(request.body)) as? [String: Any]
        else { return [:] }
        return object.compactMapValues { $0 as? String }
    }

    /// A clock that advances one second per reading.
    final class Clock: @unchecked Sendable {
        private let lock = NSLock()
        private var current = Date(timeIntervalSince1970: 1_767_225_600)
        func tick() -> Date {
            lock.lock()
            defer { lock.unlock() }
            current += 1
            return current
        }
    }

    static func progressEvent(
        status: String, operation: String = "CREATE", token: String = "a1b2c3d4-0000-4000-8000-000000000001"
    ) -> String {
        #"{"ProgressEvent":{"TypeName":"AWS::Logs::LogGroup","Identifier":"g1","RequestToken":"\#(token)","Operation":"\#(operation)","OperationStatus":"\#(status)","EventTime":1767225600.5}}"#
    }
}
