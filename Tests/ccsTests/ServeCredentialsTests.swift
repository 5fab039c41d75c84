import Foundation
import Testing

/// `ccs serve`'s extra key pairs without a secret in argv (issue 16, F12): from
/// `--credentials-file` and `CCS_SERVE_CREDENTIALS`, and a warning on stderr when
/// `--credentials` puts one on the command line. Each server is checked by signing requests
/// with `ccs api` for the pairs it should accept and one it should refuse.
@Suite struct ServeCredentialsTests {
    static let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
        "ccs-serve-credentials-\(UUID().uuidString)")
    static let secret = "serveSECRETfromFILE/Xy12+Ab34Cd56Ef78Gh90Ij12Kl"
    /// A part of `secret` that no message contains by chance.
    static let marker = "SECRETfromFILE"

    struct Outcome {
        var stdout: String
        var stderr: String
        var status: Int32
    }

    /// A `ccs serve` on a free port with an in-memory database; `stop()` returns its stderr.
    final class Server {
        let process = Process()
        let url: String
        private let errors = Pipe()

        init(_ arguments: [String], environment: [String: String] = [:]) throws {
            process.executableURL = URL(fileURLWithPath: RunCommandTests.binary)
            process.arguments = ["serve", "--port", "0", "--db", ":memory:", "--latency", "0"] + arguments
            var merged = ApiDesiredStateTests.environment
            merged.removeValue(forKey: "CCS_SERVE_CREDENTIALS")
            merged.merge(environment) { $1 }
            process.environment = merged
            let out = Pipe()
            process.standardOutput = out
            process.standardError = errors
            try process.run()
            url = try readServeURL(process, stdout: out)
        }

        /// The process's command line as every user sees it (/proc/PID/cmdline).
        var commandLine: String {
            let data =
                FileManager.default.contents(atPath: "/proc/\(process.processIdentifier)/cmdline") ?? Data()
            return String(decoding: data, as: UTF8.self).replacingOccurrences(of: "\0", with: " ")
        }

        func stop() -> String {
            process.terminate()
            let stderr = errors.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            return String(decoding: stderr, as: UTF8.self)
        }
    }

    static func run(_ arguments: [String], environment: [String: String] = [:]) throws -> Outcome {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: RunCommandTests.binary)
        process.arguments = arguments
        var merged = ApiDesiredStateTests.environment
        merged.removeValue(forKey: "CCS_SERVE_CREDENTIALS")
        merged.merge(environment) { $1 }
        process.environment = merged
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        // A `ccs serve` that wrongly starts would run until stopped: bounded, it fails the test.
        DispatchQueue.global().asyncAfter(deadline: .now() + 30) { [process] in
            if process.isRunning { process.terminate() }
        }
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Outcome(
            stdout: String(decoding: stdout, as: UTF8.self), stderr: String(decoding: stderr, as: UTF8.self),
            status: process.terminationStatus)
    }

    /// Whether the server accepts a ListResources signed with this key pair.
    static func accepts(_ server: Server, _ akid: String, _ secret: String) throws -> Bool {
        let outcome = try run(
            ["api", "ListResources", #"{"TypeName":"AWS::Logs::LogGroup"}"#, "--endpoint-url", server.url],
            environment: ["AWS_ACCESS_KEY_ID": akid, "AWS_SECRET_ACCESS_KEY": secret])
        if outcome.status != 0 {
            #expect(
                outcome.stderr.hasPrefix("InvalidSignatureException: "),
                "refused for its signature: \(outcome.stderr)")
        }
        return outcome.status == 0
    }

    static func file(_ name: String, _ text: String, mode: Int = 0o600) throws -> String {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let path = folder.appendingPathComponent(name).path
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        try FileManager.default.setAttributes([.posixPermissions: mode], ofItemAtPath: path)
        return path
    }

    @Test func aCredentialsFileKeepsTheSecretOutOfArgv() throws {
        let path = try Self.file(
            "pairs",
            "# key pairs for the tests\nAKIDFROMFILE0001:\(Self.secret)\n\nAKIDFROMFILE0002:second\r\n")
        let server = try Server(["--credentials-file", path])
        let commandLine = server.commandLine
        let accepted = try (
            Self.accepts(server, "AKIDFROMFILE0001", Self.secret),
            Self.accepts(server, "AKIDFROMFILE0002", "second"),
            Self.accepts(server, "test", "test"), Self.accepts(server, "AKIDFROMFILE0001", "wrong")
        )
        let stderr = server.stop()
        #expect(accepted == (true, true, true, false))
        #expect(commandLine.contains("--credentials-file"))
        #expect(!commandLine.contains(Self.marker))
        #expect(!stderr.contains("warning"), "a 0600 file and no --credentials: nothing to warn about")
        #expect(!stderr.contains(Self.marker))
    }

    @Test func theEnvironmentVariableHoldsPairsSeparatedByCommasOrNewlines() throws {
        let server = try Server(
            [],
            environment: ["CCS_SERVE_CREDENTIALS": "AKIDFROMENV00001:\(Self.secret),AKIDFROMENV00002:two\n"])
        let commandLine = server.commandLine
        let accepted = try (
            Self.accepts(server, "AKIDFROMENV00001", Self.secret),
            Self.accepts(server, "AKIDFROMENV00002", "two"),
            Self.accepts(server, "AKIDFROMENV00002", "wrong")
        )
        let stderr = server.stop()
        #expect(accepted == (true, true, false))
        #expect(commandLine.contains("serve"))
        #expect(!commandLine.contains(Self.marker))
        #expect(!stderr.contains("warning"))
    }

    @Test func aSecretOnTheCommandLineIsWarnedAbout() throws {
        let server = try Server(["--credentials", "AKIDONARGV000001:\(Self.secret)"])
        let accepted = try Self.accepts(server, "AKIDONARGV000001", Self.secret)
        let stderr = server.stop()
        #expect(accepted, "--credentials still works")
        #expect(
            stderr.contains(
                "ccs serve: warning: --credentials puts the secret of AKIDONARGV000001 on the command line, where every user of this machine can read it (ps, /proc/PID/cmdline); pass it with --credentials-file PATH or the CCS_SERVE_CREDENTIALS environment variable instead"
            ))
        #expect(!stderr.contains(Self.marker), "the warning names the key id, not the secret")
    }

    @Test func aFileOthersCanReadIsWarnedAbout() throws {
        let path = try Self.file("open", "AKIDOPENFILE0001:\(Self.secret)\n", mode: 0o644)
        let server = try Server(["--credentials-file", path])
        let stderr = server.stop()
        #expect(
            stderr.contains(
                "ccs serve: warning: --credentials-file \(path) is readable by other users (mode 644); chmod 600 it"
            ))
    }

    @Test func malformedSourcesAreUsageErrorsThatQuoteNoSecret() throws {
        let bad = try Self.file("bad", "AKIDGOOD00000001:ok\n\(Self.secret)\n")
        let fromFile = try Self.run(["serve", "--port", "0", "--credentials-file", bad])
        #expect(fromFile.status == 2)
        #expect(
            fromFile.stderr.contains(
                "--credentials-file \(bad): line 2 holds an entry that is not ACCESS_KEY_ID:SECRET_ACCESS_KEY"
            ))
        #expect(!fromFile.stderr.contains(Self.marker))

        let empty = try Self.file("empty", "# nothing yet\n")
        let fromEmpty = try Self.run(["serve", "--port", "0", "--credentials-file", empty])
        #expect(fromEmpty.status == 2)
        #expect(
            fromEmpty.stderr.contains(
                "--credentials-file \(empty) holds no ACCESS_KEY_ID:SECRET_ACCESS_KEY[:ACCOUNT_ID] entry"))

        let missing = try Self.run([
            "serve", "--port", "0", "--credentials-file", Self.folder.path + "/absent",
        ])
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("--credentials-file \(Self.folder.path)/absent: cannot be read"))

        let fromEnvironment = try Self.run(
            ["serve", "--port", "0"],
            environment: ["CCS_SERVE_CREDENTIALS": "AKID:\(Self.secret) justASECRET"])
        #expect(fromEnvironment.status == 2)
        #expect(
            fromEnvironment.stderr.contains(
                "CCS_SERVE_CREDENTIALS: line 1 holds an entry that is not ACCESS_KEY_ID:SECRET_ACCESS_KEY"))
        #expect(!fromEnvironment.stderr.contains(Self.marker))
    }
}
