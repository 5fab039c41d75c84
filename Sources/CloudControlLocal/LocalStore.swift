import CloudControl
import JSONCore

/// The emulator's SQLite database: a `resources` table (current models, write-only
/// properties included) and a `requests` table (every request of the last 7 days), each row
/// under its (account, region).
///
/// WAL journal mode with `synchronous=NORMAL`: a committed transaction survives the process
/// being killed (only a power loss can drop the last commits). Not thread-safe; the engine
/// serialises calls.
final class LocalStore {
    private let db: SQLiteConnection
    private let writer = JSONWriter()

    static let schemaVersion = 3

    /// Opens the database at `path`, creating the tables or migrating a version 2 database
    /// (one account, one region) into version 3, where its rows belong to `defaultPartition`.
    init(path: String, defaultPartition: AccountRegion) throws {
        db = try SQLiteConnection(path: path)
        try Self.refuseForeign(db, path: path)
        if path != ":memory:" {
            try db.execute("PRAGMA journal_mode=WAL")
        }
        try db.execute("PRAGMA synchronous=NORMAL")
        // Immediate, so that two processes opening one old file do not both migrate it; and the
        // tables and the version mark appear together, so another process opening the same new
        // file never sees our tables without the mark and takes them for foreign.
        try db.transaction {
            try db.execute("CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)")
            let version = try db.query("SELECT value FROM meta WHERE key = 'schema_version'").first?.first?.text
            switch version {
            case nil:
                try db.execute(Self.tablesV3)
            case "2":
                try migrateFromVersion2(into: defaultPartition)
            case String(Self.schemaVersion):
                break
            case let version?:
                throw SQLiteError(
                    code: 0,
                    message:
                        "database schema version \(version) is not supported (expected 2 or \(Self.schemaVersion))",
                    sql: "")
            }
            try db.execute(Self.indexesV3)
            try db.query(
                "INSERT OR REPLACE INTO meta (key, value) VALUES ('schema_version', ?)",
                [.text(String(Self.schemaVersion))])
        }
    }

    /// Version 3: every row carries its account and region; an identifier is unique within
    /// a partition only.
    private static let tablesV3 = """
        CREATE TABLE IF NOT EXISTS resources (
          seq INTEGER PRIMARY KEY AUTOINCREMENT,
          account TEXT NOT NULL,
          region TEXT NOT NULL,
          type_name TEXT NOT NULL,
          identifier TEXT NOT NULL,
          model TEXT NOT NULL,
          visible_after REAL NOT NULL DEFAULT 0,
          UNIQUE (account, region, type_name, identifier)
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
          due REAL NOT NULL,
          account TEXT NOT NULL,
          region TEXT NOT NULL
        );
        """

    private static let indexesV3 = """
        DROP INDEX IF EXISTS resources_listing;
        DROP INDEX IF EXISTS requests_resource;
        CREATE INDEX IF NOT EXISTS resources_partition_listing ON resources (account, region, type_name, seq);
        CREATE INDEX IF NOT EXISTS requests_client_token ON requests (client_token);
        CREATE INDEX IF NOT EXISTS requests_due ON requests (due) WHERE outcome IS NULL;
        CREATE INDEX IF NOT EXISTS requests_partition_resource ON requests (account, region, type_name, identifier) WHERE outcome IS NULL;
        CREATE INDEX IF NOT EXISTS requests_partition_seq ON requests (account, region, seq);
        CREATE INDEX IF NOT EXISTS requests_created ON requests (created);
        """

    /// SQLite cannot change a table's UNIQUE constraint, so `resources` is rebuilt (sequence
    /// numbers kept, so page tokens and listing order survive); `requests` gains two columns.
    private func migrateFromVersion2(into partition: AccountRegion) throws {
        try db.execute(
            """
            ALTER TABLE resources RENAME TO resources_v2;
            \(Self.tablesV3)
            """)
        try db.query(
            "INSERT INTO resources (seq, account, region, type_name, identifier, model, visible_after) SELECT seq, ?, ?, type_name, identifier, model, visible_after FROM resources_v2",
            [.text(partition.account), .text(partition.region)])
        try db.execute("DROP TABLE resources_v2")
        try db.execute("ALTER TABLE requests ADD COLUMN account TEXT NOT NULL DEFAULT ''")
        try db.execute("ALTER TABLE requests ADD COLUMN region TEXT NOT NULL DEFAULT ''")
        try db.query(
            "UPDATE requests SET account = ?, region = ?", [.text(partition.account), .text(partition.region)])
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
        "seq, token, operation, type_name, identifier, client_token, fingerprint, created, phase, model, cancel_time, outcome, error_code, status_message, hooks_token, account, region"

    /// Inserts a new request and returns it with its sequence number.
    func insert(_ r: RequestRecord) throws -> RequestRecord {
        try db.query(
            "INSERT INTO requests (token, operation, type_name, identifier, client_token, fingerprint, created, phase, model, cancel_time, outcome, error_code, status_message, hooks_token, due, account, region) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            [
                .text(r.token), .text(r.operation.rawValue), .text(r.typeName), .text(r.identifier),
                r.clientToken.map(SQLiteValue.text) ?? .null, .text(r.fingerprint), .real(r.created),
                .real(r.phase),
                r.model.map { .text(writer.string($0)) } ?? .null,
                r.cancelTime.map(SQLiteValue.real) ?? .null,
                r.outcome.map { .text($0.rawValue) } ?? .null, r.errorCode.map(SQLiteValue.text) ?? .null,
                r.statusMessage.map(SQLiteValue.text) ?? .null, .text(r.hooksToken), .real(r.dueTime),
                .text(r.partition.account), .text(r.partition.region),
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

    /// The latest request of `partition` made with `clientToken` at or after `since`.
    func request(clientToken: String, since: Double, in partition: AccountRegion) throws -> RequestRecord? {
        try db.query(
            "SELECT \(Self.requestColumns) FROM requests WHERE client_token = ? AND created >= ? AND account = ? AND region = ? ORDER BY seq DESC LIMIT 1",
            [.text(clientToken), .real(since), .text(partition.account), .text(partition.region)]
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
    func unfinishedRequestToken(typeName: String, identifier: String, in partition: AccountRegion) throws -> String? {
        try db.query(
            "SELECT token FROM requests WHERE outcome IS NULL AND account = ? AND region = ? AND type_name = ? AND identifier = ? LIMIT 1",
            [.text(partition.account), .text(partition.region), .text(typeName), .text(identifier)]
        ).first?.first?.text
    }

    /// Requests of `partition` newest first, starting below sequence number `before`, `limit`
    /// at most.
    func requests(before: Int64, limit: Int, in partition: AccountRegion) throws -> [RequestRecord] {
        try db.query(
            "SELECT \(Self.requestColumns) FROM requests WHERE account = ? AND region = ? AND seq < ? ORDER BY seq DESC LIMIT ?",
            [.text(partition.account), .text(partition.region), .integer(before), .integer(Int64(limit))]
        ).compactMap(Self.record)
    }

    /// Forgets finished requests created before `time`.
    func deleteRequests(createdBefore time: Double) throws {
        try db.query("DELETE FROM requests WHERE created < ? AND outcome IS NOT NULL", [.real(time)])
    }

    private static func record(_ row: [SQLiteValue]) -> RequestRecord? {
        guard row.count == 17, let seq = row[0].integer, let token = row[1].text,
            // The API's open enums accept any text; a stored request only ever holds a known one.
            let operation = row[2].text.map(ResourceOperation.init(rawValue:)), operation.isKnown,
            let typeName = row[3].text,
            let identifier = row[4].text, let fingerprint = row[6].text, let created = row[7].real,
            let phase = row[8].real, let hooks = row[14].text, let account = row[15].text,
            let region = row[16].text
        else { return nil }
        return RequestRecord(
            seq: seq, token: token, operation: operation, typeName: typeName, identifier: identifier,
            clientToken: row[5].text, fingerprint: fingerprint, created: created, phase: phase,
            model: row[9].text.flatMap { try? JSONParser.parse($0) }, cancelTime: row[10].real,
            outcome: row[11].text.map(OperationStatus.init(rawValue:)).flatMap { $0.isKnown ? $0 : nil }, errorCode: row[12].text,
            statusMessage: row[13].text, hooksToken: hooks,
            partition: AccountRegion(account: account, region: region))
    }

    // MARK: resources

    /// A stored resource: its full model and when it becomes visible to reads.
    struct StoredResource {
        var seq: Int64
        var identifier: String
        var model: JSONValue
        var visibleAfter: Double
    }

    func resource(typeName: String, identifier: String, in partition: AccountRegion) throws -> StoredResource? {
        try db.query(
            "SELECT seq, identifier, model, visible_after FROM resources WHERE account = ? AND region = ? AND type_name = ? AND identifier = ?",
            [.text(partition.account), .text(partition.region), .text(typeName), .text(identifier)]
        ).first.flatMap(Self.resource)
    }

    /// Inserts a new resource, or replaces the model of an existing one in place (its listing
    /// position is kept).
    func put(
        typeName: String, identifier: String, model: JSONValue, visibleAfter: Double = 0, in partition: AccountRegion
    ) throws {
        let text = writer.string(model)
        let key: [SQLiteValue] = [.text(partition.account), .text(partition.region), .text(typeName), .text(identifier)]
        if try resource(typeName: typeName, identifier: identifier, in: partition) != nil {
            try db.query(
                "UPDATE resources SET model = ? WHERE account = ? AND region = ? AND type_name = ? AND identifier = ?",
                [.text(text)] + key)
        } else {
            try db.query(
                "INSERT INTO resources (account, region, type_name, identifier, model, visible_after) VALUES (?,?,?,?,?,?)",
                key + [.text(text), .real(visibleAfter)])
        }
    }

    func deleteResource(typeName: String, identifier: String, in partition: AccountRegion) throws {
        try db.query(
            "DELETE FROM resources WHERE account = ? AND region = ? AND type_name = ? AND identifier = ?",
            [.text(partition.account), .text(partition.region), .text(typeName), .text(identifier)])
    }

    /// Resources of a type in `partition` in creation order, after sequence number `after`,
    /// `limit` at most.
    func resources(typeName: String, after: Int64, limit: Int, in partition: AccountRegion) throws -> [StoredResource] {
        try db.query(
            "SELECT seq, identifier, model, visible_after FROM resources WHERE account = ? AND region = ? AND type_name = ? AND seq > ? ORDER BY seq LIMIT ?",
            [.text(partition.account), .text(partition.region), .text(typeName), .integer(after), .integer(Int64(limit))]
        ).compactMap(Self.resource)
    }

    /// The types that have resources in `partition`.
    func typeNames(in partition: AccountRegion) throws -> [String] {
        try db.query(
            "SELECT DISTINCT type_name FROM resources WHERE account = ? AND region = ?",
            [.text(partition.account), .text(partition.region)]
        ).compactMap { $0.first?.text }
    }

    /// True when a resource of `typeName` has top-level `property` equal to one of `values`.
    func hasResource(typeName: String, property: String, equalTo values: [String], in partition: AccountRegion)
        throws -> Bool
    {
        let marks = Array(repeating: "?", count: values.count).joined(separator: ",")
        return try !db.query(
            "SELECT 1 FROM resources WHERE account = ? AND region = ? AND type_name = ? AND json_extract(model, ?) IN (\(marks)) LIMIT 1",
            [.text(partition.account), .text(partition.region), .text(typeName), .text(Self.jsonPath(property))]
                + values.map { .text($0) }
        ).isEmpty
    }

    /// Identifiers of the resources of `typeName` whose top-level `property` (a string, or with
    /// `isList` a list of strings) holds one of `values`.
    func identifiers(
        typeName: String, referring property: String, isList: Bool, to values: [String], in partition: AccountRegion
    ) throws -> [String] {
        let marks = Array(repeating: "?", count: values.count).joined(separator: ",")
        let test =
            isList
            ? "EXISTS (SELECT 1 FROM json_each(model, ?) AS item WHERE item.value IN (\(marks)))"
            : "json_extract(model, ?) IN (\(marks))"
        return try db.query(
            "SELECT identifier FROM resources WHERE account = ? AND region = ? AND type_name = ? AND \(test) ORDER BY seq",
            [.text(partition.account), .text(partition.region), .text(typeName), .text(Self.jsonPath(property))]
                + values.map { .text($0) }
        ).compactMap { $0.first?.text }
    }

    /// The SQLite JSON path of a top-level key, quoted so that any name is taken literally.
    private static func jsonPath(_ key: String) -> String {
        "$.\"" + key.replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }

    /// The next revision number of a versioned family (1 for the first), kept in `meta` so
    /// that numbers never repeat, even once every earlier revision is deleted.
    func nextRevision(of family: String) throws -> Int {
        let key = "revision|" + family
        let last = try db.query("SELECT value FROM meta WHERE key = ?", [.text(key)]).first?.first?.text
        let next = (last.flatMap { Int($0) } ?? 0) + 1
        try db.query("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)", [.text(key), .text("\(next)")])
        return next
    }

    private static func resource(_ row: [SQLiteValue]) -> StoredResource? {
        guard row.count == 4, let seq = row[0].integer, let identifier = row[1].text, let text = row[2].text,
            let model = try? JSONParser.parse(text)
        else { return nil }
        return StoredResource(seq: seq, identifier: identifier, model: model, visibleAfter: row[3].real ?? 0)
    }
}
