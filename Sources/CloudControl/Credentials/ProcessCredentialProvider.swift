import Foundation
import SigV4

/// `credential_process` of the profile: runs the command (split like a shell would, no shell
/// involved, found on `PATH`) with the given environment and reads
/// `{"Version": 1, "AccessKeyId": …, "SecretAccessKey": …, "SessionToken": …, "Expiration": …}`
/// from its standard output. Errors name the program (not its arguments, which could carry a
/// secret) and quote its standard error, never its standard output (which holds the secret).
public final class ProcessCredentialProvider: CredentialProvider, @unchecked Sendable {
    private let command: String?
    private let profileName: String
    private let environment: [String: String]
    public let sourceDescription: String

    public init(configuration: SharedConfiguration, environment: [String: String]) {
        self.command = configuration.setting("credential_process")
        self.profileName = configuration.profileName
        self.environment = environment
        self.sourceDescription = "credential_process (profile \(configuration.profileName))"
    }

    public func credentials() throws(CredentialError) -> AWSCredentials? {
        guard let command else { return nil }
        let words: [String]
        do {
            words = try ShellWords.split(command)
        } catch {
            throw failure("could not be split into words (\(error))")
        }
        guard !words.isEmpty else { throw failure("is empty") }

        let output = try run(words)
        guard output.status == 0 else {
            let stderr = String(decoding: output.stderr.prefix(2000), as: UTF8.self).trimmedForConfig()
            throw failure("exited with status \(output.status)" + (stderr.isEmpty ? "" : ": \(stderr)"))
        }
        guard let document = CredentialsDocument.decode(output.stdout) else {
            throw failure(
                "did not print a JSON object; expected {\"Version\": 1, \"AccessKeyId\": …, "
                    + "\"SecretAccessKey\": …, \"SessionToken\": …, \"Expiration\": …}")
        }
        guard document.version == 1 else {
            let version = document.version.map { String($0) } ?? "missing"
            throw failure("printed an unsupported Version (\(version)); only Version 1 is supported")
        }
        switch document.credentials() {
        case .success(let credentials): return credentials
        case .failure(let problem): throw failure("printed JSON that \(problem.message)")
        }
    }

    private func failure(_ what: String) -> CredentialError {
        let program = (try? ShellWords.split(command ?? "").first) ?? nil
        return CredentialError(
            .processFailed,
            "Error when retrieving credentials from credential_process of profile "
                + "'\(profileName)': the command \(program.map { "'\($0)'" } ?? "") \(what)")
    }

    private struct Output {
        let status: Int32
        let stdout: [UInt8]
        let stderr: [UInt8]
    }

    private func run(_ words: [String]) throws(CredentialError) -> Output {
        let process = Process()
        // env(1) looks the program up on PATH, as the CLI's subprocess does, without a shell.
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["--"] + words
        process.environment = environment
        let stdout = Pipe()
        let stderr = Pipe()
        process.standardOutput = stdout
        process.standardError = stderr
        process.standardInput = FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            throw failure("could not be started (\(error.localizedDescription))")
        }
        // Standard error is drained on another thread so that a chatty command cannot fill
        // its pipe and block while we wait for standard output to end.
        let errorBox = ErrorOutputBox()
        let drained = DispatchSemaphore(value: 0)
        DispatchQueue.global().async {
            errorBox.bytes = [UInt8](stderr.fileHandleForReading.readDataToEndOfFile())
            drained.signal()
        }
        let out = [UInt8](stdout.fileHandleForReading.readDataToEndOfFile())
        process.waitUntilExit()
        drained.wait()
        return Output(status: process.terminationStatus, stdout: out, stderr: errorBox.bytes)
    }

    /// Carries the standard-error bytes from the draining thread; the semaphore orders access.
    private final class ErrorOutputBox: @unchecked Sendable {
        var bytes: [UInt8] = []
    }
}
