import CloudControl
import JSONCore

/// The emulator's SQLite database: a `resources` table (current models, write-only
/// properties included) and a `requests` table (every request of the last 7 days).
///
/// WAL journal mode with `synchronous=NORMAL`: a committed transaction survives the process
/// being killed (only a power loss can drop the last commits). Not thread-safe; the engine
/// serialises calls.
final class LocalStore {
    private let db: SQLiteConnection
    private let writer = JSONWriter()

    static let schemaVersion = 2

    init(path: String) throws {
        db = try SQLiteConnection(path: path)
        try Self.refuseForeign(db, path: path)
        if path != ":memory:" {
            try db.execute("PRAGMA journal_mode=WAL")
        }
        try db.execute("PRAGMA synchronous=NORMAL")
        // The tables and the version mark appear together, so another process opening the
        // same new file never sees our tables without the mark and takes them for foreign.
        try db.transaction { try createSchema() }
    }

    private func createSchema() throws {
        try db.execute(
            """
            CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
            CREATE TABLE IF NOT EXISTS resources (
              seq INTEGER PRIMARY KEY AUTOINCREMENT,
              type_name TEXT NOT NULL,
              identifier TEXT NOT NULL,
              model TEXT NOT NULL,
              visible_after REAL NOT NULL DEFAULT 0,
              UNIQUE (type_name, identifier)
            );
            CREATE TABLE IF NOT EXISTS requests (
              seq INTEGER PRIMARY KEY AUTOINCREMENT,
              token TEXT NOT NULL UNIQUE,
              operation TEXT NOT NULL,
              type_name TEXT NOT NULL,
              identifier TEXT NOT NULL,
              client_token TEXT,
              fingerprint TEXT NOT NULL,
              created REAL NOT NULL,
              phase REAL NOT NULL,
              model TEXT,
              cancel_time REAL,
              outcome TEXT,
              error_code TEXT,
              status_message TEXT,
              hooks_token TEXT NOT NULL,
              due REAL NOT NULL
            );
            CREATE INDEX IF NOT EXISTS resources_listing ON resources (type_name, seq);
            CREATE INDEX IF NOT EXISTS requests_client_token ON requests (client_token);
            CREATE INDEX IF NOT EXISTS requests_due ON requests (due) WHERE outcome IS NULL;
            CREATE INDEX IF NOT EXISTS requests_resource ON requests (type_name, identifier) WHERE outcome IS NULL;
            CREATE INDEX IF NOT EXISTS requests_created ON requests (created);
            """)
        let version = try db.query("SELECT value FROM meta WHERE key = 'schema_version'").first?.first?.text
        if let version, version != String(Self.schemaVersion) {
            throw SQLiteError(
                code: 0,
                message:
                    "database schema version \(version) is not supported (expected \(Self.schemaVersion))",
                sql: "")
        }
        try db.query(
            "INSERT OR IGNORE INTO meta (key, value) VALUES ('schema_version', ?)",
            [.text(String(Self.schemaVersion))])
    }

    /// A database that already holds tables but not ours is someone else's: it is left exactly
    /// as it was (no tables added, no switch to WAL) and refused by name, rather than changed
    /// and then refused for its schema version (issue 16, minor). A file that is not SQLite at
    /// all fails the query, before anything is written, too.
    private static func refuseForeign(_ db: SQLiteConnection, path: String) throws {
        let tables = try db.query("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
            .compactMap { $0.first?.text }
        guard !tables.isEmpty else { return }
        if tables.contains("meta"),
            try db.query("SELECT value FROM meta WHERE key = 'schema_version'").first?.first?.text != nil
        {
            return
        }
        db.close()
        let shown = tables.prefix(5).joined(separator: ", ") + (tables.count > 5 ? ", ..." : "")
        throw SQLiteError(
            code: 0,
            message:
                "\(path) is not a ccs emulator database (it holds the tables \(shown) and no ccs schema version); it was left unchanged",
            sql: "")
    }

    func close() {
        db.close()
    }

    func transaction<T>(_ body: () throws -> T) throws -> T {
        try db.transaction(body)
    }

    // MARK: requests

    private static let requestColumns =
        "seq, token, operation, type_name, identifier, client_token, fingerprint, created, phase, model, cancel_time, outcome, error_code, status_message, hooks_token"

    /// Inserts a new request and returns it with its sequence number.
    func insert(_ r: RequestRecord) throws -> RequestRecord {
        try db.query(
            "INSERT INTO requests (token, operation, type_name, identifier, client_token, fingerprint, created, phase, model, cancel_time, outcome, error_code, status_message, hooks_token, due) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            [
                .text(r.token), .text(r.operation.rawValue), .text(r.typeName), .text(r.identifier),
                r.clientToken.map(SQLiteValue.text) ?? .null, .text(r.fingerprint), .real(r.created),
                .real(r.phase),
                r.model.map { .text(writer.string($0)) } ?? .null,
                r.cancelTime.map(SQLiteValue.real) ?? .null,
                r.outcome.map { .text($0.rawValue) } ?? .null, r.errorCode.map(SQLiteValue.text) ?? .null,
                r.statusMessage.map(SQLiteValue.text) ?? .null, .text(r.hooksToken), .real(r.dueTime),
            ])
        var stored = r
        stored.seq = try db.query("SELECT last_insert_rowid()").first?.first?.integer ?? 0
        return stored
    }

    /// Saves the mutable parts of a request: cancellation and outcome.
    func update(_ r: RequestRecord) throws {
        try db.query(
            "UPDATE requests SET cancel_time = ?, outcome = ?, error_code = ?, status_message = ?, identifier = ?, due = ? WHERE token = ?",
            [
                r.cancelTime.map(SQLiteValue.real) ?? .null, r.outcome.map { .text($0.rawValue) } ?? .null,
                r.errorCode.map(SQLiteValue.text) ?? .null, r.statusMessage.map(SQLiteValue.text) ?? .null,
                .text(r.identifier), .real(r.dueTime), .text(r.token),
            ])
    }

    func request(token: String) throws -> RequestRecord? {
        try db.query("SELECT \(Self.requestColumns) FROM requests WHERE token = ?", [.text(token)]).first
            .flatMap(Self.record)
    }

    /// The latest request made with `clientToken` at or after `since`.
    func request(clientToken: String, since: Double) throws -> RequestRecord? {
        try db.query(
            "SELECT \(Self.requestColumns) FROM requests WHERE client_token = ? AND created >= ? ORDER BY seq DESC LIMIT 1",
            [.text(clientToken), .real(since)]
        ).first.flatMap(Self.record)
    }

    /// Unfinished requests due at or before `time`, in due order.
    func dueRequests(at time: Double) throws -> [RequestRecord] {
        try db.query(
            "SELECT \(Self.requestColumns) FROM requests WHERE outcome IS NULL AND due <= ? ORDER BY due, seq",
            [.real(time)]
        ).compactMap(Self.record)
    }

    /// The token of an unfinished request on this resource, if any.
    func unfinishedRequestToken(typeName: String, identifier: String) throws -> String? {
        try db.query(
            "SELECT token FROM requests WHERE outcome IS NULL AND type_name = ? AND identifier = ? LIMIT 1",
            [.text(typeName), .text(identifier)]
        ).first?.first?.text
    }

    /// Requests newest first, starting below sequence number `before`, `limit` at most.
    func requests(before: Int64, limit: Int) throws -> [RequestRecord] {
        try db.query(
            "SELECT \(Self.requestColumns) FROM requests WHERE seq < ? ORDER BY seq DESC LIMIT ?",
            [.integer(before), .integer(Int64(limit))]
        ).compactMap(Self.record)
    }

    /// Forgets finished requests created before `time`.
    func deleteRequests(createdBefore time: Double) throws {
        try db.query("DELETE FROM requests WHERE created < ? AND outcome IS NOT NULL", [.real(time)])
    }

    private static func record(_ row: [SQLiteValue]) -> RequestRecord? {
        guard row.count == 15, let seq = row[0].integer, let token = row[1].text,
            // The API's open enums accept any text; a stored request only ever holds a known one.
            let operation = row[2].text.map(ResourceOperation.init(rawValue:)), operation.isKnown,
            let typeName = row[3].text,
            let identifier = row[4].text, let fingerprint = row[6].text, let created = row[7].real,
            let phase = row[8].real, let hooks = row[14].text
        else { return nil }
        return RequestRecord(
            seq: seq, token: token, operation: operation, typeName: typeName, identifier: identifier,
            clientToken: row[5].text, fingerprint: fingerprint, created: created, phase: phase,
            model: row[9].text.flatMap { try? JSONParser.parse($0) }, cancelTime: row[10].real,
            outcome: row[11].text.map(OperationStatus.init(rawValue:)).flatMap { $0.isKnown ? $0 : nil }, errorCode: row[12].text,
            statusMessage: row[13].text, hooksToken: hooks)
    }

    // MARK: resources

    /// A stored resource: its full model and when it becomes visible to reads.
    struct StoredResource {
        var seq: Int64
        var identifier: String
        var model: JSONValue
        var visibleAfter: Double
    }

    func resource(typeName: String, identifier: String) throws -> StoredResource? {
        try db.query(
            "SELECT seq, identifier, model, visible_after FROM resources WHERE type_name = ? AND identifier = ?",
            [.text(typeName), .text(identifier)]
        ).first.flatMap(Self.resource)
    }

    /// Inserts a new resource, or replaces the model of an existing one in place (its listing
    /// position is kept).
    func put(typeName: String, identifier: String, model: JSONValue, visibleAfter: Double = 0) throws {
        let text = writer.string(model)
        if try resource(typeName: typeName, identifier: identifier) != nil {
            try db.query(
                "UPDATE resources SET model = ? WHERE type_name = ? AND identifier = ?",
                [.text(text), .text(typeName), .text(identifier)])
        } else {
            try db.query(
                "INSERT INTO resources (type_name, identifier, model, visible_after) VALUES (?,?,?,?)",
                [.text(typeName), .text(identifier), .text(text), .real(visibleAfter)])
        }
    }

    func deleteResource(typeName: String, identifier: String) throws {
        try db.query(
            "DELETE FROM resources WHERE type_name = ? AND identifier = ?",
            [.text(typeName), .text(identifier)])
    }

    /// Resources of a type in creation order, after sequence number `after`, `limit` at most.
    func resources(typeName: String, after: Int64, limit: Int) throws -> [StoredResource] {
        try db.query(
            "SELECT seq, identifier, model, visible_after FROM resources WHERE type_name = ? AND seq > ? ORDER BY seq LIMIT ?",
            [.text(typeName), .integer(after), .integer(Int64(limit))]
        ).compactMap(Self.resource)
    }

    private static func resource(_ row: [SQLiteValue]) -> StoredResource? {
        guard row.count == 4, let seq = row[0].integer, let identifier = row[1].text, let text = row[2].text,
            let model = try? JSONParser.parse(text)
        else { return nil }
        return StoredResource(seq: seq, identifier: identifier, model: model, visibleAfter: row[3].real ?? 0)
    }
}
