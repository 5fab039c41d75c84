import CSQLite
import Foundation

/// The one Swift type that touches the SQLite C API (through the CSQLite shim). It owns one
/// connection and caches prepared statements by SQL text. Not thread-safe by itself: the
/// engine serialises access with its lock.
final class SQLiteConnection {
    private var db: OpaquePointer?
    private var statements: [String: OpaquePointer] = [:]
    private var savepointDepth = 0

    /// Opens (creating if needed) the database file at `path`; `:memory:` for a private
    /// in-memory database.
    init(path: String) throws {
        let flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_FULLMUTEX
        let rc = sqlite3_open_v2(path, &db, flags, nil)
        guard rc == SQLITE_OK else {
            let message = db.map { String(cString: sqlite3_errmsg($0)) } ?? "cannot open"
            sqlite3_close(db)
            db = nil
            throw SQLiteError(code: rc, message: "\(message): \(path)", sql: "")
        }
        sqlite3_busy_timeout(db, 5000)
    }

    deinit {
        close()
    }

    /// Finalises cached statements and closes the connection. Idempotent.
    func close() {
        for statement in statements.values { sqlite3_finalize(statement) }
        statements = [:]
        if let db { sqlite3_close(db) }
        db = nil
    }

    /// Runs one or more statements without parameters or results (DDL, pragmas).
    func execute(_ sql: String) throws {
        guard let db else {
            throw SQLiteError(code: SQLITE_MISUSE, message: "the database is closed", sql: sql)
        }
        var errorMessage: UnsafeMutablePointer<CChar>?
        let rc = sqlite3_exec(db, sql, nil, nil, &errorMessage)
        if rc != SQLITE_OK {
            let message = errorMessage.map { String(cString: $0) } ?? "error"
            sqlite3_free(errorMessage)
            throw SQLiteError(code: rc, message: message, sql: sql)
        }
    }

    /// Runs a statement with positional parameters (`?`) and returns every result row.
    @discardableResult
    func query(_ sql: String, _ parameters: [SQLiteValue] = []) throws -> [[SQLiteValue]] {
        let statement = try prepared(sql)
        defer {
            sqlite3_reset(statement)
            sqlite3_clear_bindings(statement)
        }
        for (i, parameter) in parameters.enumerated() {
            let index = Int32(i + 1)
            let rc: Int32
            switch parameter {
            case .null: rc = sqlite3_bind_null(statement, index)
            case .integer(let v): rc = sqlite3_bind_int64(statement, index, v)
            case .real(let v): rc = sqlite3_bind_double(statement, index, v)
            case .text(let v):
                let bytes = Array(v.utf8)
                rc = bytes.withUnsafeBufferPointer { buffer in
                    buffer.baseAddress.map { base in
                        base.withMemoryRebound(to: CChar.self, capacity: bytes.count) {
                            ccs_sqlite3_bind_text_transient(statement, index, $0, Int32(bytes.count))
                        }
                    } ?? ccs_sqlite3_bind_text_transient(statement, index, "", 0)
                }
            }
            guard rc == SQLITE_OK else { throw error(rc, sql) }
        }
        var rows: [[SQLiteValue]] = []
        while true {
            let rc = sqlite3_step(statement)
            if rc == SQLITE_DONE { break }
            guard rc == SQLITE_ROW else { throw error(rc, sql) }
            let count = sqlite3_column_count(statement)
            var row: [SQLiteValue] = []
            row.reserveCapacity(Int(count))
            for column in 0..<count {
                switch sqlite3_column_type(statement, column) {
                case SQLITE_INTEGER: row.append(.integer(sqlite3_column_int64(statement, column)))
                case SQLITE_FLOAT: row.append(.real(sqlite3_column_double(statement, column)))
                case SQLITE_NULL: row.append(.null)
                default:
                    if let text = sqlite3_column_text(statement, column) {
                        let length = Int(sqlite3_column_bytes(statement, column))
                        row.append(
                            .text(
                                String(
                                    decoding: UnsafeBufferPointer(start: text, count: length), as: UTF8.self))
                        )
                    } else {
                        row.append(.null)
                    }
                }
            }
            rows.append(row)
        }
        return rows
    }

    /// Runs `body` inside `BEGIN IMMEDIATE ... COMMIT` (taking the write lock at once, so two
    /// processes sharing the file cannot interleave), rolling back if it throws. Nested calls
    /// use savepoints.
    func transaction<T>(_ body: () throws -> T) throws -> T {
        guard let db, sqlite3_get_autocommit(db) != 0 else {
            savepointDepth += 1
            let name = "sp\(savepointDepth)"
            defer { savepointDepth -= 1 }
            try execute("SAVEPOINT \(name)")
            do {
                let result = try body()
                try execute("RELEASE \(name)")
                return result
            } catch {
                try? execute("ROLLBACK TO \(name); RELEASE \(name)")
                throw error
            }
        }
        try execute("BEGIN IMMEDIATE")
        do {
            let result = try body()
            try execute("COMMIT")
            return result
        } catch {
            try? execute("ROLLBACK")
            throw error
        }
    }

    private func prepared(_ sql: String) throws -> OpaquePointer {
        if let cached = statements[sql] { return cached }
        guard let db else {
            throw SQLiteError(code: SQLITE_MISUSE, message: "the database is closed", sql: sql)
        }
        var statement: OpaquePointer?
        let rc = sqlite3_prepare_v2(db, sql, -1, &statement, nil)
        guard rc == SQLITE_OK, let statement else { throw error(rc, sql) }
        statements[sql] = statement
        return statement
    }

    private func error(_ rc: Int32, _ sql: String) -> SQLiteError {
        SQLiteError(code: rc, message: db.map { String(cString: sqlite3_errmsg($0)) } ?? "error", sql: sql)
    }
}
