extension Interpreter {
    /// The compact one-line JSON form of a value (print, str, interpolation of non-strings).
    public func stringify(_ value: Value) throws -> String {
        JSONCodec.encode(value)
    }

    /// How `print`, `str`, `join` and `format` show a value: strings raw, the rest as JSON,
    /// with lazy sequences walked and shown as lists of their elements.
    public func displayString(_ value: Value) throws -> String {
        switch value {
        case .string(let s): return s
        case .function(let f): return "<fn \(f.name)>"
        default: return try stringify(try materialised(value))
        }
    }

    /// JSON text as data (`json`, `write_file`): exactly the value, sequences materialised,
    /// or an error for a cycle or a nesting too deep, never a marker in its place.
    func encodeJSON(_ value: Value, pretty: Bool, what: String) throws -> String {
        try JSONCodec.encodeExactly(try materialised(value), pretty: pretty, what: what)
    }

    func decodeJSON(_ text: String) throws -> Value {
        do {
            return try JSONCodec.decode(text)
        } catch let failure as JSONSyntaxError {
            throw ScriptError(code: ErrorCode.jsonError,
                              message: "invalid JSON at line \(failure.line), column \(failure.column): \(failure.message)")
        }
    }

    /// Compiles a JSONPath for `query`/`query1`.
    func compilePath(_ path: String) throws -> JSONPathQuery {
        do {
            return try JSONPathQuery(path)
        } catch let failure as JSONPathSyntaxError {
            throw ScriptError(code: ErrorCode.pathError,
                              message: "invalid JSONPath '\(path)' at character \(failure.offset + 1): \(failure.message)")
        }
    }

    /// The nodes `path` selects in `value`. A host object is queried through its
    /// `queryRoot()` (a resource's properties, for CCSCloud).
    func query(_ value: Value, _ path: String) throws -> [Value] {
        let compiled = try compilePath(path)
        return compiled.evaluate(try queryRoot(value))
    }

    func queryRoot(_ value: Value) throws -> Value {
        if case .object(let object) = value { return try object.queryRoot() }
        return value
    }
}
