/// A failed SQLite call, with SQLite's own message and the statement it came from.
public struct SQLiteError: Error, Sendable, CustomStringConvertible {
    public var code: Int32
    public var message: String
    public var sql: String
    public var description: String {
        "SQLite error \(code): \(message)" + (sql.isEmpty ? "" : " (in: \(sql))")
    }
}
