import CloudControl
import Foundation
import JSONCore
import ResourceSchemas

/// The emulator's engine: a schema-driven, SQLite-backed stand-in for the Cloud Control API.
///
/// Every mutating operation creates a request that is PENDING for one latency phase,
/// IN_PROGRESS for another, then SUCCESS or FAILED; effects apply only on SUCCESS. States are
/// computed from timestamps whenever a call comes in (due requests are finished first, in due
/// order), so no background thread is needed and an injected clock drives everything in
/// tests. Every acknowledged request is committed before the call returns, and unfinished
/// requests carry on after a restart. Safe to call from several threads (one lock), and
/// several processes may share one database file (all state lives in it).
public final class LocalCloudControl: @unchecked Sendable {
    public let configuration: LocalConfiguration
    public let registry: SchemaRegistry
    let validator = SchemaValidator()
    let clock: EngineClock
    let store: LocalStore
    let lock = NSLock()
    var random: SeededRandom
    var lastPurge: Double = 0
    /// References of each type seen (`references(of:)`), kept under `lock`.
    var referenceCache: [String: [ResourceReference]] = [:]
    var closed = false

    static let clientTokenLifetime: Double = 36 * 3600
    static let requestLifetime: Double = 7 * 86400
    static let maxPageSize = 100

    /// Opens (creating if needed) the database at `databasePath` (`:memory:` for a private
    /// in-memory one). Throws `SQLiteError` when the file cannot be opened, and
    /// `LocalDatabaseFolderError` when its folder does not exist (only the default
    /// database's folder is created).
    public init(
        databasePath: String, configuration: LocalConfiguration = LocalConfiguration(),
        registry: SchemaRegistry,
        clock: EngineClock = SystemClock()
    ) throws {
        if databasePath != ":memory:" {
            try LocalDatabaseFolder.prepare(for: databasePath)
        }
        self.configuration = configuration
        self.registry = registry
        self.clock = clock
        self.store = try LocalStore(
            path: databasePath,
            defaultPartition: AccountRegion(account: configuration.account, region: configuration.region))
        if let seed = configuration.faults.seed ?? configuration.seed {
            random = SeededRandom(seed: seed)
        } else {
            random = SeededRandom()
        }
    }

    /// The partition of calls that name none: the configured account and region. A version 2
    /// database (from before partitions) is migrated into it.
    public var defaultPartition: AccountRegion {
        AccountRegion(account: configuration.account, region: configuration.region)
    }

    /// Closes the database. Later calls fail with ServiceInternalErrorException.
    public func close() {
        lock.lock()
        defer { lock.unlock() }
        closed = true
        store.close()
    }

    /// Runs `body` under the lock after finishing every request due at the current time;
    /// with `write`, inside one immediate transaction, so what it reads and what it writes are
    /// consistent even when another process shares the database file.
    func withEngine<T>(write: Bool = false, _ body: (Double) throws -> T) throws -> T {
        lock.lock()
        defer { lock.unlock() }
        guard !closed else {
            throw LocalError("ServiceInternalErrorException", "the local emulator has been closed")
        }
        let now = clock.now()
        do {
            try advance(to: now)
            return write ? try store.transaction { try body(now) } : try body(now)
        } catch let e as SQLiteError {
            throw LocalError("ServiceInternalErrorException", "local store: \(e.description)")
        }
    }

    func schema(_ typeName: String) throws -> ResourceSchema {
        do {
            guard let schema = try registry.schema(for: typeName) else {
                throw LocalError.typeNotFound(typeName)
            }
            return schema
        } catch let e as SchemaError {
            throw LocalError(
                "GeneralServiceException", "the schema of \(typeName) is unusable: \(e.description)")
        }
    }

    /// The schema of a type that has a handler for `operation` (`create`, `read`, `update`,
    /// `delete`, `list`). The service refuses an operation the type's schema declares no handler
    /// for at once, before looking at the input: UnsupportedActionException, "Resource type
    /// AWS::EC2::VolumeAttachment does not support UPDATE action" (docs/EMULATOR.md).
    func schema(_ typeName: String, for operation: String) throws -> ResourceSchema {
        let schema = try schema(typeName)
        guard schema.supports(operation) else {
            throw LocalError(
                "UnsupportedActionException",
                "Resource type \(typeName) does not support \(operation.uppercased()) action")
        }
        return schema
    }

    /// The progress of `record` at `now`, as the service reports it: the API's own
    /// `ProgressEvent`, so that the engine and the client share one model.
    func snapshot(_ record: RequestRecord, at now: Double) -> ProgressEvent {
        let status = record.status(at: now)
        var model: String? = nil
        if status == .success, record.operation != .delete, let full = record.model,
            let schema = try? registry.schema(for: record.typeName)
        {
            model = JSONWriter().string(schema.withoutWriteOnly(full))
        }
        let failed = status == .failed
        return ProgressEvent(
            typeName: record.typeName,
            // Empty while the identifier is unknown (a create whose model was invalid).
            identifier: record.identifier.isEmpty ? nil : record.identifier,
            requestToken: record.token, hooksRequestToken: record.hooksToken,
            operation: record.operation, operationStatus: status,
            eventTime: Date(timeIntervalSince1970: record.eventTime(at: now)), resourceModel: model,
            statusMessage: failed || status == .cancelComplete ? record.statusMessage : nil,
            errorCode: failed ? record.errorCode.map { HandlerErrorCode(rawValue: $0) } : nil,
            retryAfter: record.retryAfter(at: now).map { Date(timeIntervalSince1970: $0) })
    }
}
