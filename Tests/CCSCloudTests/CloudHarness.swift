import CCSCloud
import CCSLanguage
import CloudControl
import CloudControlLocal
import Foundation
import ResourceSchemas

/// A clock the test moves: the engine reads it, and the session's `sleep` advances it, so
/// waits take no real time.
final class ManualClock: EngineClock, @unchecked Sendable {
    private let lock = NSLock()
    private var time: Double = 1_800_000_000
    func now() -> Double { lock.withLock { time } }
    func advance(_ seconds: Double) { lock.withLock { time += seconds } }
}

/// Forwards to a service and counts the calls of each operation.
/// Locked: `parallel` workers call the service from several threads at once.
final class CountingService: CloudControlService, @unchecked Sendable {
    let inner: CloudControlService
    private let lock = NSLock()
    private var counts: [APIOperation: Int] = [:]
    init(_ inner: CloudControlService) { self.inner = inner }
    func count(_ operation: APIOperation) -> Int { lock.withLock { counts[operation] ?? 0 } }
    func reset() { lock.withLock { counts = [:] } }
    private func note(_ operation: APIOperation) { lock.withLock { counts[operation, default: 0] += 1 } }

    func createResource(_ input: CreateResourceInput) throws -> CreateResourceOutput {
        note(.createResource); return try inner.createResource(input)
    }
    func getResource(_ input: GetResourceInput) throws -> GetResourceOutput {
        note(.getResource); return try inner.getResource(input)
    }
    func updateResource(_ input: UpdateResourceInput) throws -> UpdateResourceOutput {
        note(.updateResource); return try inner.updateResource(input)
    }
    func deleteResource(_ input: DeleteResourceInput) throws -> DeleteResourceOutput {
        note(.deleteResource); return try inner.deleteResource(input)
    }
    func listResources(_ input: ListResourcesInput) throws -> ListResourcesOutput {
        note(.listResources); return try inner.listResources(input)
    }
    func getResourceRequestStatus(_ input: GetResourceRequestStatusInput) throws
        -> GetResourceRequestStatusOutput
    {
        note(.getResourceRequestStatus); return try inner.getResourceRequestStatus(input)
    }
    func listResourceRequests(_ input: ListResourceRequestsInput) throws -> ListResourceRequestsOutput {
        note(.listResourceRequests); return try inner.listResourceRequests(input)
    }
    func cancelResourceRequest(_ input: CancelResourceRequestInput) throws -> CancelResourceRequestOutput {
        note(.cancelResourceRequest); return try inner.cancelResourceRequest(input)
    }
    func close() { inner.close() }
}

/// The outcome of one script run.
struct ScriptOutcome {
    var status: Int32
    var output: String
    var errors: String
    /// Output lines without the trailing empty one.
    var lines: [String] {
        output.split(separator: "\n", omittingEmptySubsequences: false).dropLast().map(String.init)
    }
}

/// Runs ccs scripts with the Cloud Control built-ins against an in-memory emulator engine (or
/// any service), on a manual clock.
final class CloudHarness {
    let clock = ManualClock()
    let engine: LocalCloudControl
    let service: CountingService
    let session: CloudSession
    let registry: SchemaRegistry
    /// Ctrl-C as the REPL signals it; `runInterruptible` hands it to the interpreter.
    let interruption = Interruption()
    /// What `wait` drew on the (pretend) terminal.
    let progress = TextLog()

    init(
        latency: Double = 0.2, faults: String = "", pageSize: Int = 25, realSleep: Bool = false,
        wrap: ((LocalCloudControl) -> CloudControlService)? = nil
    ) throws {
        var configuration = LocalConfiguration()
        configuration.latency = latency
        configuration.faults = try FaultPlan(spec: faults)
        configuration.defaultPageSize = pageSize
        if pageSize != 25 { configuration.defaultRequestsPageSize = pageSize }
        configuration.seed = 42
        registry = try SchemaRegistry()
        engine = try LocalCloudControl(
            databasePath: ":memory:", configuration: configuration, registry: registry, clock: clock)
        self.service = CountingService(wrap?(engine) ?? engine)
        let counting = self.service
        let clock = self.clock
        var tokens = 0
        let progress = self.progress
        session = CloudSession(
            service: { counting }, schemas: registry, now: { clock.now() },
            sleep: realSleep ? nil : { clock.advance($0) },
            progress: { progress.lines.append($0) }, random: { 0.5 },
            makeToken: {
                tokens += 1
                return "token-\(tokens)-\(UUID().uuidString.prefix(8))"
            })
    }

    /// Runs `code` as a script and returns its status, output and diagnostics.
    func run(_ code: String, printResult: Bool = true) -> ScriptOutcome {
        let collected = Collected()
        let host = ScriptHost(output: OutputSink { collected.output += String(decoding: $0, as: UTF8.self) })
        let runner = ScriptRunner(host: host) { collected.errors += $0 }
        CloudBuiltins.register(into: runner.registry, session: session)
        let status = runner.run(
            SourceFile(name: "test.ccs", directory: nil, bytes: Array(code.utf8)), printResult: printResult)
        return ScriptOutcome(status: status, output: collected.output, errors: collected.errors)
    }

    /// Runs `code` as the REPL does, with `interruption` on the interpreter; the uncaught
    /// error or nil, and the output.
    func runInterruptible(_ code: String) -> (error: Error?, output: String) {
        let collected = Collected()
        let host = ScriptHost(output: OutputSink { collected.output += String(decoding: $0, as: UTF8.self) })
        let runner = ScriptRunner(host: host) { collected.errors += $0 }
        CloudBuiltins.register(into: runner.registry, session: session)
        let interpreter = Interpreter(registry: runner.registry, host: host)
        interpreter.interruption = interruption
        do {
            _ = try interpreter.run(SourceFile(name: "test.ccs", directory: nil, bytes: Array(code.utf8)))
            host.output.flush()
            return (nil, collected.output)
        } catch {
            host.output.flush()
            return (error, collected.output)
        }
    }

    /// Creates resources straight on the engine (no script), finished at once.
    func seed(_ type: String, _ models: [String]) throws {
        var tokens: [String] = []
        for model in models {
            let output = try engine.createResource(
                CreateResourceInput(typeName: type, clientToken: UUID().uuidString, desiredState: model))
            tokens.append(output.progressEvent?.requestToken ?? "")
        }
        clock.advance(10)
        for token in tokens {
            let status = try engine.getResourceRequestStatus(
                GetResourceRequestStatusInput(requestToken: token))
            guard status.progressEvent?.operationStatus == .success else {
                throw SeedError(
                    message: "seeding \(type) failed: \(status.progressEvent?.statusMessage ?? "?")")
            }
        }
    }

    /// The Properties of a resource read straight from the engine, or nil if it is absent.
    func properties(_ type: String, _ id: String) -> String? {
        try? engine.getResource(GetResourceInput(typeName: type, identifier: id)).resourceDescription?
            .properties
    }
}

final class TextLog {
    var lines: [String] = []
}

private final class Collected {
    var output = ""
    var errors = ""
}

struct SeedError: Error { var message: String }

/// Forwards to a service but drops RetryAfter from every progress event, as a service that
/// gives no hint would.
final class NoRetryAfterService: ForwardingService {
    private func strip(_ event: ProgressEvent?) -> ProgressEvent? {
        var event = event
        event?.retryAfter = nil
        return event
    }
    override func createResource(_ input: CreateResourceInput) throws -> CreateResourceOutput {
        CreateResourceOutput(progressEvent: strip(try inner.createResource(input).progressEvent))
    }
    override func updateResource(_ input: UpdateResourceInput) throws -> UpdateResourceOutput {
        UpdateResourceOutput(progressEvent: strip(try inner.updateResource(input).progressEvent))
    }
    override func deleteResource(_ input: DeleteResourceInput) throws -> DeleteResourceOutput {
        DeleteResourceOutput(progressEvent: strip(try inner.deleteResource(input).progressEvent))
    }
    override func getResourceRequestStatus(_ input: GetResourceRequestStatusInput) throws
        -> GetResourceRequestStatusOutput
    {
        var output = try inner.getResourceRequestStatus(input)
        output.progressEvent = strip(output.progressEvent)
        return output
    }
}
