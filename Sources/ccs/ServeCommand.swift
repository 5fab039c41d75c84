import ArgumentParser
import CloudControlLocal
import CloudControlServer
import Foundation

/// `ccs serve`: the local emulator over HTTP, for boto3, the AWS CLI, SDKs and `ccs
/// --endpoint-url`. Prints exactly one line, `listening on http://HOST:PORT`, on stdout once it
/// accepts connections; runs until SIGINT or SIGTERM, then finishes in-flight requests and
/// closes the database. Exit codes: 0 after a clean shutdown, 1 when the database or the
/// address cannot be opened, 64 for invalid options.
struct ServeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Run the local Cloud Control emulator as an HTTP endpoint.",
        discussion: """
            Speaks the AWS Cloud Control API's awsJson1_0 protocol on POST / and verifies the \
            SigV4 signature of every request. Credentials test/test are always accepted; add \
            more with --credentials. Point any AWS client at it, e.g.
              ccs serve --port 4599 &
              AWS_ACCESS_KEY_ID=test AWS_SECRET_ACCESS_KEY=test aws cloudcontrol list-resources \\
                --type-name AWS::S3::Bucket --region us-east-1 --endpoint-url http://127.0.0.1:4599
            Stop it with Ctrl-C or SIGTERM: in-flight requests finish first.
            """
    )

    @OptionGroup var global: GlobalOptions

    @Option(name: .long, help: "The address to listen on (127.0.0.1, ::1, 0.0.0.0 for every interface).")
    var host = "127.0.0.1"

    @Option(name: .long, help: "The port to listen on; 0 picks a free one (read it from the 'listening on' line).")
    var port = 4599

    @Option(name: .long, help: ArgumentHelp("The SQLite database (default: the one 'ccs --local' uses).", valueName: "path"))
    var db: String?

    @Option(name: .long, help: ArgumentHelp("How long each request phase (PENDING, IN_PROGRESS) lasts, in milliseconds.", valueName: "ms"))
    var latency: Double?

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Inject faults, e.g. throttle=0.2,5xx=0.05,drop=0.05,failed-throttle=0.05,notfound-after-create=0.1,seed=7.",
            valueName: "spec"))
    var faults = ""

    @Option(name: .long, help: "The account id in generated ARNs (default 123456789012).")
    var account: String?

    @Option(
        name: .long,
        help: ArgumentHelp("Accept requests signed with this access key id and secret (repeatable; test:test is always accepted).", valueName: "akid:secret"))
    var credentials: [String] = []

    @Option(name: .long, help: ArgumentHelp("Load further resource type schemas (*.json) from this directory (repeatable).", valueName: "dir"))
    var schemas: [String] = []

    func validate() throws {
        guard (0...65535).contains(port) else {
            throw ValidationError("--port \(port) is not a port number (0 to 65535)")
        }
        if let latency, !(latency >= 0 && latency.isFinite) {
            throw ValidationError("--latency \(latency) must be a non-negative number of milliseconds")
        }
        _ = try credentialPairs()
        do {
            _ = try FaultPlan(spec: faults)
        } catch let error as FaultPlanError {
            throw ValidationError("--faults: \(error.description)")
        }
    }

    /// `test`/`test` plus every `--credentials AKID:SECRET`.
    func credentialPairs() throws -> [String: String] {
        var pairs = ["test": "test"]
        for entry in credentials {
            guard let colon = entry.firstIndex(of: ":"), colon != entry.startIndex, entry.index(after: colon) != entry.endIndex
            else {
                throw ValidationError("--credentials '\(entry)' must be ACCESS_KEY_ID:SECRET_ACCESS_KEY")
            }
            pairs[String(entry[..<colon])] = String(entry[entry.index(after: colon)...])
        }
        return pairs
    }

    func run() throws {
        var settings = LocalConfiguration()
        if let region = global.region { settings.region = region }
        if let account { settings.account = account }
        if let latency { settings.latency = latency / 1000 }
        settings.faults = try FaultPlan(spec: faults)

        let path = db ?? LocalConfiguration.defaultDatabasePath()
        let engine: LocalCloudControl
        do {
            let registry = try SchemaRegistry(includeShipped: true, directories: schemas)
            engine = try LocalCloudControl(databasePath: path, configuration: settings, registry: registry)
        } catch {
            Self.printError("ccs serve: cannot open the emulator (database \(path)): \(error)")
            throw ExitCode.failure
        }
        let handler = CloudControlAPIHandler(service: engine, credentials: try credentialPairs(), faults: settings.faults)
        // Installed before the server starts so that a signal sent right after the
        // 'listening on' line is not lost.
        let signals = ShutdownSignals()
        let server: HTTPServer
        do {
            server = try HTTPServer.start(configuration: HTTPServerConfiguration(host: host, port: port), handler: handler)
        } catch {
            engine.close()
            Self.printError("ccs serve: \(error)")
            throw ExitCode.failure
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
