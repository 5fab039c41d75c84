import CCSLanguage
import CloudControl
import Foundation
import ResourceSchemas

/// What the Cloud Control built-ins run against: a `CloudControlService` (the HTTP client for
/// AWS or `ccs serve`, or the in-process emulator), a schema source, the hooks `wait` needs
/// (clock, sleep, progress display), and what the session has seen succeed (fresh creates, for
/// `get`'s eventual-consistency retry). The service is built on first use, so scripts that
/// never call Cloud Control need no credentials. Interruption (Ctrl-C at the REPL) is the
/// language's: the built-ins check and sleep through their `CallContext`.
public final class CloudSession {
    private let makeService: () throws -> CloudControlService
    private var service: CloudControlService?
    /// Schemas for `schema`, `types`, compound identifiers and the patch builder.
    public let schemas: SchemaSource?
    /// Seconds since 1970 (injected in tests together with `sleep`).
    let now: () -> Double
    /// Replaces the real pause (tests advance a manual clock); nil pauses through
    /// `CallContext.sleep(seconds:)`, which Ctrl-C at the REPL ends at once.
    let sleep: ((Double) -> Void)?
    /// Where `wait` draws its progress line; nil when stderr is not a terminal.
    let progress: ((String) -> Void)?
    /// A number in 0..<1 for backoff jitter.
    let random: () -> Double
    /// The ClientTokens of write calls that give none: random, or derived from a run id.
    public let clientTokens: ClientTokens
    /// Resources seen created recently, for `get`'s retry of an eventually consistent read.
    let freshCreates = FreshCreates()
    /// Write requests sent, for the report of an interrupted script.
    let inFlight = InFlightRequests()
    /// The region the session acts in, as the host resolved it (`s.region`); nil when unknown.
    public var region: String?
    /// Who the session's credentials belong to (STS GetCallerIdentity, or the emulator's
    /// account with `--local`), for `s.account` and `s.identity`; asked once, on first use.
    public var identityLookup: (() throws -> SessionIdentity)?
    private var identityAnswer: SessionIdentity?
    /// The adaptive token bucket of the session's (account, region), when `retry_mode` is
    /// adaptive: FAILED events with ErrorCode Throttling feed it as ThrottlingExceptions do.
    public var rateLimiter: AdaptiveRateLimiter?
    /// Builds another session from `aws({...})`'s options; nil when the host offers none.
    public var derive: ((SessionOptions) throws -> CloudSession)?

    /// - Parameters:
    ///   - service: builds the service on first use (errors surface in the calling built-in).
    ///   - schemas: the schema source, e.g. a `SchemaRegistry`.
    ///   - progress: where `wait` writes its progress line; by default stderr when it is a
    ///     terminal, else nowhere.
    ///   - makeToken: a fresh random ClientToken.
    ///   - runID: derive ClientTokens from this id instead (see `ClientTokens`), so a re-run
    ///     of an interrupted script replays its requests rather than duplicating them.
    public init(
        service: @escaping () throws -> CloudControlService,
        schemas: SchemaSource?,
        now: @escaping () -> Double = { Date().timeIntervalSince1970 },
        sleep: ((Double) -> Void)? = nil,
        progress: ((String) -> Void)? = CloudSession.terminalProgress(),
        random: @escaping () -> Double = { Double.random(in: 0..<1) },
        makeToken: @escaping () -> String = { UUID().uuidString.lowercased() },
        runID: String? = nil
    ) {
        self.makeService = service
        self.schemas = schemas
        self.now = now
        self.sleep = sleep
        self.progress = progress
        self.random = random
        self.clientTokens = ClientTokens(runID: runID, fresh: makeToken)
    }

    /// Writes to stderr when it is a terminal; nil otherwise.
    public static func terminalProgress() -> ((String) -> Void)? {
        guard isatty(2) != 0 else { return nil }
        return { text in FileHandle.standardError.write(Data(text.utf8)) }
    }

    /// Runs one service call; errors become script errors named after `function`. With the
    /// call's `type`, a TypeNotFoundException names the closest known type. Inside `parallel`
    /// the interpreter lock is released while `body` runs (it touches no script value), so
    /// the calls of several workers overlap; the service is made under the lock.
    func call<T>(_ function: String, type: String? = nil, _ body: (CloudControlService) throws -> T) throws -> T {
        do {
            let service = try self.service ?? makeService()
            self.service = service
            return try InterpreterLock.releasing { try body(service) }
        } catch let interrupted as ScriptInterrupted {
            // Ctrl-C noticed inside a call (a paginator checks before each page) stays the
            // language's uncatchable interruption, not an error of the call.
            throw interrupted
        } catch {
            var failure = CloudErrors.api(error, in: function)
            if failure.code == "TypeNotFoundException", let type, let schemas,
               let near = Suggestion.closest(to: type, among: schemas.types()) {
                failure.message += " (did you mean '\(near)'?)"
            }
            if failure.code == "ValidationException", let type, let schema = try? schemas?.schema(for: type) {
                failure.message += Self.propertySuggestions(in: failure.message, schema: schema)
            }
            throw failure
        }
    }

    /// " (did you mean 'QueueName'?)" for each top-level key a ValidationException calls
    /// extraneous ("#: extraneous key [QueueNme] is not permitted") that is close to one of
    /// the schema's property names; empty when none is.
    static func propertySuggestions(in message: String, schema: ResourceSchema) -> String {
        var out = ""
        var rest = Substring(message)
        while let start = rest.range(of: "#: extraneous key [") {
            rest = rest[start.upperBound...]
            guard let end = rest.firstIndex(of: "]") else { break }
            let key = String(rest[..<end])
            if let near = Suggestion.closest(to: key, among: schema.propertyNames) {
                out += " (did you mean '\(near)' for '\(key)'?)"
            }
            rest = rest[end...]
        }
        return out
    }

    /// The session's identity, looked up once; errors become script errors named after
    /// `function`.
    func identity(_ function: String) throws -> SessionIdentity {
        if let identityAnswer { return identityAnswer }
        guard let identityLookup else {
            throw CloudErrors.local("IdentityUnavailable", "\(function): this session cannot tell whose credentials it uses")
        }
        let answer = try call(function) { _ in try identityLookup() }
        identityAnswer = answer
        return answer
    }

    /// Pauses `seconds` between polls or retries. Ctrl-C at the REPL ends the pause with the
    /// language's uncatchable `ScriptInterrupted`, as it ends any loop of the script.
    func pause(_ seconds: Double, _ context: CallContext) throws {
        if let sleep {
            sleep(seconds)
            try context.checkInterrupted()
        } else {
            try context.sleep(seconds: seconds)
        }
    }

    /// The schema of `type`, or an error naming `function` and saying why there is none.
    func schema(_ type: String, for function: String) throws -> ResourceSchemaView {
        guard let schemas else {
            throw CloudErrors.local(
                CloudErrors.schemaUnavailable,
                "\(function): no schema source is configured, so the schema of \(type) is unknown")
        }
        let found: ResourceSchema?
        do {
            found = try schemas.schema(for: type)
        } catch {
            throw CloudErrors.local(
                CloudErrors.schemaUnavailable, "\(function): cannot get the schema of \(type): \(error)")
        }
        guard let found else {
            // A misspelt type is the likeliest reason: name the closest known one first.
            if let near = Suggestion.closest(to: type, among: schemas.types()) {
                throw CloudErrors.local(
                    CloudErrors.schemaUnavailable, "\(function): no schema for \(type) (did you mean '\(near)'?)")
            }
            throw CloudErrors.local(
                CloudErrors.schemaUnavailable,
                "\(function): no schema for \(type): it is neither among the schemas shipped with ccs or in the --schemas folders (see types()) nor known to CloudFormation's DescribeType on this backend"
            )
        }
        return ResourceSchemaView(found)
    }

    /// The schema of `type` when one is known (the patch builder works without one).
    func optionalSchema(_ type: String) -> ResourceSchemaView? {
        guard let found = try? schemas?.schema(for: type) else { return nil }
        return ResourceSchemaView(found)
    }
}
