import Foundation
import Testing

@testable import CloudControl

/// `credential_process` with real temporary scripts.
struct ProcessCredentialProviderTests {
    static let secret = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"

    /// A profile whose credential_process runs `script` with /bin/sh, and its provider. The
    /// script is not executed directly: another test's fork could still hold the file open for
    /// writing, and exec would then fail with ETXTBSY.
    static func provider(
        _ files: CredentialsTestFiles, script: String, arguments: String = "",
        _ environment: [String: String] = [:]
    ) throws -> ProcessCredentialProvider {
        let path = try files.write("credential-helper", script)
        try files.write("config", "[default]\ncredential_process = /bin/sh \(path) \(arguments)\n")
        return ProcessCredentialProvider(
            configuration: try files.configuration(environment), environment: files.environment(environment))
    }

    @Test func readsVersionOneOutputWithExpiration() throws {
        let files = try CredentialsTestFiles()
        let provider = try Self.provider(
            files,
            script: """
                printf '{"Version": 1, "AccessKeyId": "AKIDPROC", "SecretAccessKey": "%s", \
                "SessionToken": "proc-token", "Expiration": "2030-01-02T03:04:05Z"}' "$3"
                """,
            arguments: #"--role "my role" '\#(Self.secret)'"#)
        let credentials = try #require(try provider.credentials())
        #expect(credentials.accessKeyId == "AKIDPROC")
        #expect(credentials.secretAccessKey == Self.secret)
        #expect(credentials.sessionToken == "proc-token")
        #expect(credentials.expiration == Date(timeIntervalSince1970: 1_893_553_445))
    }

    @Test func passesTheEnvironmentAndAllowsLongTermKeysWithoutExpiration() throws {
        let files = try CredentialsTestFiles()
        let provider = try Self.provider(
            files, script: #"printf '{"Version":1,"AccessKeyId":"%s","SecretAccessKey":"s"}' "$HELPER_KEY""#,
            ["HELPER_KEY": "AKIDFROMENV"])
        let credentials = try provider.credentials()
        #expect(credentials?.accessKeyId == "AKIDFROMENV")
        #expect(credentials?.expiration == nil)
        #expect(credentials?.sessionToken == nil)
    }

    @Test func aProfileWithoutCredentialProcessIsNotConfigured() throws {
        let files = try CredentialsTestFiles()
        #expect(
            try ProcessCredentialProvider(configuration: files.configuration(), environment: [:])
                .credentials() == nil)
    }

    @Test(arguments: [
        ("echo 'no such role' >&2; exit 3", "exited with status 3: no such role"),
        ("echo '\(secret)'", "did not print a JSON object"),
        (
            #"echo '{"Version": 2, "AccessKeyId": "A", "SecretAccessKey": "\#(secret)"}'"#,
            "printed an unsupported Version (2); only Version 1 is supported"
        ),
        (
            #"echo '{"AccessKeyId": "A", "SecretAccessKey": "\#(secret)"}'"#,
            "printed an unsupported Version (missing)"
        ),
        (
            #"echo '{"Version": 1, "SecretAccessKey": "\#(secret)"}'"#,
            "printed JSON that is missing the AccessKeyId field"
        ),
        (
            #"echo '{"Version": 1, "AccessKeyId": "A"}'"#,
            "printed JSON that is missing the SecretAccessKey field"
        ),
        (
            #"echo '{"Version": 1, "AccessKeyId": "A", "SecretAccessKey": "\#(secret)", "Expiration": "soon"}'"#,
            "printed JSON that has an invalid Expiration 'soon' (expected ISO 8601)"
        ),
    ])
    func failuresAreClearAndNeverEchoTheSecret(_ script: String, _ expected: String) throws {
        let files = try CredentialsTestFiles()
        let provider = try Self.provider(files, script: script)
        do {
            _ = try provider.credentials()
            Issue.record("the broken helper was accepted")
        } catch {
            #expect(error.kind == .processFailed)
            #expect(
                error.message.hasPrefix(
                    "Error when retrieving credentials from credential_process of profile 'default': the command '/bin/sh' "
                ))
            #expect(error.message.contains(expected), "\(error.message)")
            #expect(!error.message.contains(Self.secret))
        }
    }

    @Test func aMissingProgramAndBadQuotingAreReported() throws {
        let files = try CredentialsTestFiles()
        try files.write("config", "[default]\ncredential_process = /nonexistent/helper --x\n")
        #expect(throws: CredentialError.self) {
            try ProcessCredentialProvider(
                configuration: files.configuration(), environment: files.environment()
            )
            .credentials()
        }
        try files.write("config", "[default]\ncredential_process = helper 'unclosed\n")
        let provider = ProcessCredentialProvider(
            configuration: try files.configuration(), environment: files.environment())
        do {
            _ = try provider.credentials()
            Issue.record("unbalanced quotes were accepted")
        } catch {
            #expect(error.message.contains("could not be split into words"))
        }
    }

    @Test func expiringCredentialsAreCachedAndRefreshedBeforeTheyExpire() throws {
        let files = try CredentialsTestFiles()
        let counter = files.path("runs")
        // Each run appends a line to the counter file and returns a key numbered by the run.
        let provider = try Self.provider(
            files,
            script: """
                echo run >> "$COUNTER"
                n=$(wc -l < "$COUNTER" | tr -d ' ')
                printf '{"Version":1,"AccessKeyId":"AKID%s","SecretAccessKey":"s","SessionToken":"t",\
                "Expiration":"2030-01-01T01:00:00Z"}' "$n"
                """, ["COUNTER": counter])
        let expiry = Date(timeIntervalSince1970: 1_893_459_600)  // 2030-01-01T01:00:00Z
        let clock = TestClock(expiry.addingTimeInterval(-3600))
        let cache = CachingCredentialProvider(provider, now: { clock.now })

        #expect(try cache.credentials()?.accessKeyId == "AKID1")
        clock.now = expiry.addingTimeInterval(-6 * 60)
        #expect(try cache.credentials()?.accessKeyId == "AKID1")  // still 6 minutes left: cached
        clock.now = expiry.addingTimeInterval(-4 * 60)
        #expect(try cache.credentials()?.accessKeyId == "AKID2")  // within 5 minutes: refreshed
        #expect(try cache.credentials()?.accessKeyId == "AKID3")  // the new ones expire at the same time
        let runs = try String(contentsOfFile: counter, encoding: .utf8).split(separator: "\n").count
        #expect(runs == 3)
    }
}

/// A settable clock for refresh tests.
final class TestClock: @unchecked Sendable {
    private let lock = NSLock()
    private var current: Date

    init(_ start: Date) { current = start }

    var now: Date {
        get { lock.lock(); defer { lock.unlock() }; return current }
        set { lock.lock(); current = newValue; lock.unlock() }
    }
}
