import ArgumentParser
import CloudControlLocal
import CloudControlServer
import Foundation
import ResourceSchemas

/// `ccs serve`: the local emulator over HTTP, for boto3, the AWS CLI, SDKs and `ccs
/// --endpoint-url`. Prints exactly one line, `listening on http://HOST:PORT`, on stdout once it
/// accepts connections; runs until SIGINT or SIGTERM, then finishes in-flight requests and
/// closes the database. Exit codes: 0 after a clean shutdown, 1 when the database or the
/// address cannot be opened, 2 for invalid options (docs/CLI.md, "Exit codes").
struct ServeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Run the local Cloud Control emulator as an HTTP endpoint.",
        discussion: """
            Speaks the Cloud Control API's awsJson1_0 protocol on POST / and checks the SigV4 \
            signature of every request: test/test is always accepted; --credentials-file, \
            CCS_SERVE_CREDENTIALS (AKID:SECRET[:ACCOUNT] entries separated by commas or newlines) \
            and --credentials add more; the first two keep the secret out of the command line, \
            which every user can read. Resources are kept per account (the key's) and region (the \
            signature's); STS AssumeRole and GetCallerIdentity answer on the same port. Prints one line, 'listening on http://HOST:PORT', once it accepts connections. \
            Ctrl-C or SIGTERM stops it after in-flight requests finish.

            Example, with the AWS CLI:
              ccs serve --port 4599 --db /tmp/cc.sqlite &
              export AWS_ACCESS_KEY_ID=test AWS_SECRET_ACCESS_KEY=test
              aws cloudcontrol list-resources --type-name AWS::S3::Bucket \\
                --region us-east-1 --endpoint-url http://127.0.0.1:4599
            """
    )

    // Not the global options: they configure a client, and serve is a server. It takes
    // --region itself; `ccs --region R serve` works as GlobalOptions.subcommandFirst moves
    // the subcommand's name first.

    @Option(name: .long, help: "The address to listen on (127.0.0.1, ::1, 0.0.0.0 for every interface).")
    var host = "127.0.0.1"

    @Option(name: .long, help: "The port to listen on; 0 picks a free one (read it from the 'listening on' line).")
    var port = 4599

    @Option(name: .long, help: ArgumentHelp("The SQLite database (default: the one 'ccs --local' uses).", valueName: "path"))
    var db: String?

    @Option(name: .long, help: ArgumentHelp("How long each request phase (PENDING, IN_PROGRESS) lasts, in milliseconds.", valueName: "ms"))
    var latency: Double = 200

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Inject faults: rates (0-1) of throttle, 5xx, drop, failed-throttle, notfound-after-create, and a seed; e.g. throttle=0.2,drop=0.05,seed=7.",
            valueName: "spec"))
    var faults = ""

    @Flag(
        name: .customLong("no-references"),
        help: "Do not enforce references between resources (a subnet's VPC, a stream's log group): for seeding data out of order.")
    var noReferences = false

    @Option(name: .long, help: ArgumentHelp("The default region: where a database from before partitions keeps its resources. Clients may sign for any region; each region holds its own resources.", valueName: "region"))
    var region = "us-east-1"

    @Option(name: .long, help: ArgumentHelp("The account of keys given without one (test:test) and of a database from before partitions.", valueName: "id"))
    var account = "123456789012"

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Accept requests signed with this access key id and secret, acting in ACCOUNT (default: --account; repeatable; test:test is always accepted). The command line is visible to every user (ps): prefer --credentials-file or CCS_SERVE_CREDENTIALS.",
            valueName: "akid:secret[:account]"))
    var credentials: [String] = []

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Accept the keys in this file, one AKID:SECRET[:ACCOUNT] per line ('#' comments and blank lines skipped; repeatable).",
            valueName: "path"))
    var credentialsFile: [String] = []

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Wait this long before writing every HTTP response, to model the real service's latency (delays of concurrent requests overlap).",
            valueName: "ms"))
    var responseDelay: Double = 0

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Answer ThrottlingException past this many Cloud Control requests per second per (account, region).",
            valueName: "n"))
    var rateLimit: Double?

    @Option(name: .long, help: ArgumentHelp("Load further resource type schemas (*.json) from this directory (repeatable; also CCS_SCHEMAS, folders separated by ':').", valueName: "dir"))
    var schemas: [String] = []

    @Option(
        name: .long,
        help: ArgumentHelp(
            "The most client connections open at once (default \(HTTPServerLimits.defaultMaxConnections)); at the cap a new one replaces the connection idle the longest.",
            valueName: "n"))
    var maxConnections = HTTPServerLimits.defaultMaxConnections

    @Flag(name: .long, help: "Log one line per request to stderr: operation, status, error type, time, request id.")
    var verbose = false

    static let maxLatency: Double = 86_400_000

    func validate() throws {
        guard (0...65535).contains(port) else {
            throw ValidationError("--port \(port) is not a port number (0 to 65535)")
        }
        guard maxConnections >= 1 else {
            throw ValidationError("--max-connections \(maxConnections) must be at least 1")
        }
        // A day at most: the engine adds the latency to its clock, and a phase longer than
        // that is a typo, not a test (1e308 ms overflowed the dates computed from it).
        if !(latency >= 0 && latency <= Self.maxLatency) {
            throw ValidationError(
                "--latency \(latency) must be a number of milliseconds from 0 to \(Int(Self.maxLatency)) (a day)")
        }
        _ = try credentialPairs()
        if !(responseDelay >= 0 && responseDelay <= 600_000) {
            throw ValidationError("--response-delay \(responseDelay) must be a number of milliseconds from 0 to 600000")
        }
        if let rateLimit, !(rateLimit > 0 && rateLimit.isFinite) {
            throw ValidationError("--rate-limit \(rateLimit) must be a positive number of requests per second")
        }
        do {
            _ = try FaultPlan(spec: faults)
        } catch let error as FaultPlanError {
            throw ValidationError("--faults: \(error.description)")
        }
    }

    /// `test`/`test` plus the pairs of CCS_SERVE_CREDENTIALS, every `--credentials-file` and
    /// every `--credentials`, later ones replacing earlier ones with the same key id.
    func credentialPairs(environment: [String: String] = ProcessInfo.processInfo.environment) throws
        -> (secrets: [String: String], accounts: [String: String])
    {
        var keys = [ServeCredentials.Key(accessKeyId: "test", secret: "test", account: nil)]
        // Set but empty counts as unset, as for the AWS_* variables.
        if let text = environment[ServeCredentials.environmentVariable],
            !text.allSatisfy({ $0.isWhitespace })
        {
            keys += try ServeCredentials.parse(text, source: ServeCredentials.environmentVariable)
        }
        for path in credentialsFile {
            keys += try ServeCredentials.read(path)
        }
        for entry in credentials {
            guard let key = ServeCredentials.key(entry) else {
                // Never quote the entry: it holds a secret.
                throw ValidationError(
                    "--credentials: an entry is not \(ServeCredentials.format) (an account id is 12 digits)")
            }
            keys.append(key)
        }
        var secrets: [String: String] = [:]
        var accounts: [String: String] = [:]
        for key in keys {
            secrets[key.accessKeyId] = key.secret
            accounts[key.accessKeyId] = key.account
        }
        return (secrets, accounts)
    }

    /// What to say on stderr before serving: a secret given in argv, a key file others can read.
    func credentialWarnings() -> [String] {
        var warnings: [String] = []
        let exposed = credentials.compactMap(ServeCredentials.key).filter { $0.secret != "test" || $0.accessKeyId != "test" }
            .map(\.accessKeyId)
        if !exposed.isEmpty {
            warnings.append(
                "ccs serve: warning: --credentials puts the secret of \(exposed.joined(separator: ", ")) on the command line, where every user of this machine can read it (ps, /proc/PID/cmdline); pass it with --credentials-file PATH or the \(ServeCredentials.environmentVariable) environment variable instead"
            )
        }
        for path in credentialsFile {
            if let warning = ServeCredentials.permissionWarning(path) { warnings.append(warning) }
        }
        return warnings
    }

    func run() throws {
        for warning in credentialWarnings() { Self.printError(warning) }
        var settings = LocalConfiguration()
        settings.region = region
        settings.account = account
        settings.latency = latency / 1000
        settings.faults = try FaultPlan(spec: faults)
        settings.references = !noReferences

        let path = db ?? LocalConfiguration.defaultDatabasePath()
        let engine: LocalCloudControl
        do {
            // CCS_SCHEMAS first, so that --schemas folders override it (docs/CLI.md).
            let environment = ProcessInfo.processInfo.environment
            let fromEnvironment = SchemaFolders.split(environment["CCS_SCHEMAS"] ?? "", environment: environment)
            let registry = try SchemaRegistry(includeShipped: true, directories: fromEnvironment + schemas)
            engine = try LocalCloudControl(databasePath: path, configuration: settings, registry: registry)
        } catch {
            Self.printError("ccs serve: cannot open the emulator (database \(path)): \(error)")
            throw ExitCode.failure
        }
        var log: (@Sendable (String) -> Void)? = nil
        if verbose {
            log = { line in FileHandle.standardError.write(Data(("ccs serve: " + line + "\n").utf8)) }
        }
        let keys = try credentialPairs()
        let handler = CloudControlAPIHandler(
            service: engine, credentials: keys.secrets, accounts: keys.accounts, faults: settings.faults,
            rateLimit: rateLimit, log: log)
        // Installed before the server starts so that a signal sent right after the
        // 'listening on' line is not lost.
        let signals = ShutdownSignals()
        let server: HTTPServer
        do {
            server = try HTTPServer.start(
                configuration: HTTPServerConfiguration(
                    host: host, port: port, limits: HTTPServerLimits(maxConnections: maxConnections),
                    responseDelay: .nanoseconds(Int64(responseDelay * 1_000_000))),
                handler: handler)
        } catch {
            engine.close()
            Self.printError("ccs serve: \(error)")
            throw ExitCode.failure
        }
        if server.maxConnections < maxConnections {
            Self.printError(
                "ccs serve: holding at most \(server.maxConnections) connections, not \(maxConnections): the descriptor limit (ulimit -n) leaves no room for more")
        }
        FileHandle.standardOutput.write(Data("listening on \(server.url)\n".utf8))
        let received = signals.wait()
        server.shutdown()
        engine.close()
        Self.printError("ccs serve: \(received), stopped")
    }

    static func printError(_ message: String) {
        FileHandle.standardError.write(Data((message + "\n").utf8))
    }
}
