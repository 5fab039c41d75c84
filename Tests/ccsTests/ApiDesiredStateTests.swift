import Foundation
import Testing

/// `ccs api CreateResource` with a DesiredState file path: one rule (DesiredStateSource),
/// so the emulator over HTTP (`ccs serve`, reached by the HTTP client) and in-process
/// (`--local`) give the same outcome.
@Suite struct ApiDesiredStateTests {
    struct Outcome: Equatable {
        var stdout: String
        var stderr: String
        var status: Int32
    }

    static let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
        "ccs-desired-\(UUID().uuidString)")

    /// No profile, no metadata service, the credentials `ccs serve` accepts.
    static var environment: [String: String] {
        var environment = ProcessInfo.processInfo.environment
        environment["AWS_EC2_METADATA_DISABLED"] = "true"
        environment["AWS_CONFIG_FILE"] = folder.appendingPathComponent("no-config").path
        environment["AWS_SHARED_CREDENTIALS_FILE"] = folder.appendingPathComponent("no-credentials").path
        environment["AWS_ACCESS_KEY_ID"] = "test"
        environment["AWS_SECRET_ACCESS_KEY"] = "test"
        environment["AWS_DEFAULT_REGION"] = "us-east-1"
        return environment
    }

    func ccs(_ arguments: [String]) throws -> Outcome {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: RunCommandTests.binary)
        process.arguments = arguments
        process.environment = Self.environment
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Outcome(
            stdout: String(decoding: stdout, as: UTF8.self), stderr: String(decoding: stderr, as: UTF8.self),
            status: process.terminationStatus)
    }

    /// A `ccs serve` process on a free port; stopped by `stop()`.
    final class Server {
        let process = Process()
        let url: String

        init(database: String) throws {
            process.executableURL = URL(fileURLWithPath: RunCommandTests.binary)
            process.arguments = ["serve", "--port", "0", "--db", database, "--latency", "0"]
            process.environment = ApiDesiredStateTests.environment
            let out = Pipe()
            process.standardOutput = out
            process.standardError = FileHandle.nullDevice
            try process.run()
            url = try readServeURL(process, stdout: out)
        }

        func stop() {
            process.terminate()
            process.waitUntilExit()
        }
    }

    /// The two ways to reach the emulator, each on a fresh database.
    func backends(_ body: (_ name: String, _ options: [String]) throws -> Void) throws {
        try FileManager.default.createDirectory(at: Self.folder, withIntermediateDirectories: true)
        let server = try Server(
            database: Self.folder.appendingPathComponent("served-\(UUID().uuidString).sqlite").path)
        defer { server.stop() }
        try body("ccs serve", ["--endpoint-url", server.url])
        try body(
            "--local",
            ["--local=" + Self.folder.appendingPathComponent("local-\(UUID().uuidString).sqlite").path])
    }

    /// The members of the printed ProgressEvent that do not vary from run to run.
    static func stableEvent(_ stdout: String) throws -> [String: String] {
        let object = try JSONSerialization.jsonObject(with: Data(stdout.utf8)) as? [String: Any]
        let event = try #require(object?["ProgressEvent"] as? [String: Any])
        var stable: [String: String] = [:]
        for key in ["TypeName", "Identifier", "Operation"] { stable[key] = event[key] as? String }
        return stable
    }

    @Test func aFilePathIsReadTheSameWayOverHTTPAndLocally() throws {
        try FileManager.default.createDirectory(at: Self.folder, withIntermediateDirectories: true)
        let file = Self.folder.appendingPathComponent("group.json")
        try Data(#"{"LogGroupName": "from-file"}"#.utf8).write(to: file)
        var events: [String: [String: String]] = [:]
        var models: [String: String] = [:]
        try backends { name, options in
            let input = #"{"TypeName": "AWS::Logs::LogGroup", "DesiredState": "\#(file.path)"}"#
            let created = try ccs(options + ["api", "CreateResource", input])
            #expect(created.status == 0, "\(name): \(created.stderr)")
            guard created.status == 0 else { return }
            events[name] = try Self.stableEvent(created.stdout)
            // The emulator takes a moment (two short phases with --local); poll until it is done.
            let printed = try JSONSerialization.jsonObject(with: Data(created.stdout.utf8)) as? [String: Any]
            let event = printed?["ProgressEvent"] as? [String: Any]
            let token = try #require(event?["RequestToken"] as? String)
            for _ in 0..<50 {
                let polled = try ccs(
                    options + ["api", "GetResourceRequestStatus", #"{"RequestToken": "\#(token)"}"#])
                if polled.stdout.contains(#""OperationStatus": "SUCCESS""#) { break }
                Thread.sleep(forTimeInterval: 0.1)
            }
            let got = try ccs(
                options + [
                    "api", "GetResource", #"{"TypeName": "AWS::Logs::LogGroup", "Identifier": "from-file"}"#,
                ])
            #expect(got.status == 0, "\(name): \(got.stderr)")
            guard got.status == 0 else { return }
            let object = try JSONSerialization.jsonObject(with: Data(got.stdout.utf8)) as? [String: Any]
            let description = object?["ResourceDescription"] as? [String: Any]
            models[name] = description?["Identifier"] as? String
        }
        #expect(
            events["ccs serve"] == [
                "TypeName": "AWS::Logs::LogGroup", "Identifier": "from-file", "Operation": "CREATE",
            ])
        #expect(events["--local"] == events["ccs serve"])
        #expect(models == ["ccs serve": "from-file", "--local": "from-file"])
    }

    @Test func aPathThatNamesNoFileIsTheSameUsageErrorOverHTTPAndLocally() throws {
        let missing = Self.folder.appendingPathComponent("missing.json").path
        var outcomes: [String: Outcome] = [:]
        try backends { name, options in
            outcomes[name] = try ccs(
                options + [
                    "api", "CreateResource",
                    #"{"TypeName": "AWS::Logs::LogGroup", "DesiredState": "\#(missing)"}"#,
                ])
        }
        let served = try #require(outcomes["ccs serve"])
        #expect(served.status == 2)
        #expect(served.stdout == "")
        #expect(
            served.stderr.contains(
                "cannot read DesiredState from \(missing): it is neither a JSON document nor an existing file"
            ))
        #expect(outcomes["--local"] == served)
    }
}
