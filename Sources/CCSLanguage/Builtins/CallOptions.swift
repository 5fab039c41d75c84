import OrderedCollections

/// The `opts` map of a built-in call, checked against the names the built-in accepts so that
/// a misspelt option is an error rather than silently ignored. Used by the language's
/// built-ins and by host modules (CCSCloud).
public struct CallOptions {
    public let function: String
    private let entries: OrderedDictionary<String, Value>

    /// Reads `args[index]` when present (null counts as absent).
    public init(_ args: [Value], _ index: Int, function: String, allowed: [String]) throws {
        self.function = function
        guard index < args.count, !args[index].isNull else {
            entries = [:]
            return
        }
        guard case .map(let box) = args[index] else {
            throw ScriptError(
                code: ErrorCode.typeError,
                message:
                    "bad argument #\(index + 1) to '\(function)' (options map expected, got \(args[index].typeName))"
            )
        }
        for key in box.entries.keys where !allowed.contains(key) {
            throw ScriptError(
                code: ErrorCode.valueError,
                message: "\(function): unknown option '\(key)'"
                    + (Suggestion.closest(to: key, among: allowed).map { " (did you mean '\($0)'? known: " } ?? " (known: ")
                    + allowed.joined(separator: ", ") + ")")
        }
        entries = box.entries
    }

    public func string(_ name: String) throws -> String? {
        switch entries[name] {
        case nil, .null?: return nil
        case .string(let s)?: return s
        case let other?: throw wrongType(name, "string", other)
        }
    }

    public func integer(_ name: String) throws -> Int? {
        switch entries[name] {
        case nil, .null?: return nil
        case .int(let i)?: return i
        case .double(let d)? where d.rounded() == d && abs(d) < 9e15: return Int(d)
        case let other?: throw wrongType(name, "integer", other)
        }
    }

    public func number(_ name: String) throws -> Double? {
        switch entries[name] {
        case nil, .null?: return nil
        case .int(let i)?: return Double(i)
        case .double(let d)?: return d
        case let other?: throw wrongType(name, "number", other)
        }
    }

    /// A list of strings (a single string is taken as a one-element list).
    public func strings(_ name: String) throws -> [String]? {
        switch entries[name] {
        case nil, .null?: return nil
        case .string(let s)?: return [s]
        case .list(let box)?:
            return try box.items.map {
                guard case .string(let s) = $0 else { throw wrongType(name, "list of strings", $0) }
                return s
            }
        case let other?: throw wrongType(name, "list of strings", other)
        }
    }

    /// A flag: absent or null is false; otherwise it must be a bool.
    public func flag(_ name: String) throws -> Bool {
        switch entries[name] {
        case nil, .null?: return false
        case .bool(let b)?: return b
        case let other?: throw wrongType(name, "bool", other)
        }
    }

    public func value(_ name: String) -> Value? {
        guard let found = entries[name], !found.isNull else { return nil }
        return found
    }

    private func wrongType(_ name: String, _ expected: String, _ got: Value) -> ScriptError {
        ScriptError(
            code: ErrorCode.typeError,
            message: "\(function): option '\(name)' must be a \(expected), got \(got.typeName)")
    }
}
