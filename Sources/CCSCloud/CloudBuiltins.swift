import CCSLanguage
import CloudControl
import Foundation
import JSONCore

/// The Cloud Control built-ins: `create`, `get`, `refresh`, `list`, `patch`, `delete`,
/// `wait`, `wait_all`, `cancel`, `status`, `requests`, `schema`, `types`, `diff`,
/// `apply_patch` and `aws` (sessions).
/// Their names and argument orders are the product's public API (docs/LANGUAGE.md,
/// "Cloud Control built-ins").
public enum CloudBuiltins {
    /// Registers every Cloud Control built-in into `registry`, bound to `session`.
    public static func register(into registry: BuiltinRegistry, session: CloudSession) {
        registerResources(into: registry, session: session)
        registerPatching(into: registry, session: session)
        registerRequests(into: registry, session: session)
        registerDocuments(into: registry, session: session)
        registerSessions(into: registry, session: session)
        registerFanout(into: registry, session: session)
        registry.onInterruption { session.inFlight.report() }
    }

    /// The names `register` defines, for completion and `:help`.
    public static let names = [
        "create", "get", "refresh", "list", "patch", "delete", "wait", "wait_all", "cancel", "status",
        "requests", "schema", "types", "diff", "apply_patch", "aws", "get_all",
    ]

    // MARK: - Argument helpers shared by the built-ins

    /// A resource value argument, or nil if the argument is something else.
    static func resource(_ value: Value) -> ResourceValue? {
        if case .object(let object) = value { return object as? ResourceValue }
        return nil
    }

    /// The request token of a request value or token string.
    static func token(_ args: [Value], _ i: Int, _ function: String) throws -> (String, RequestValue?) {
        switch args[i] {
        case .string(let token): return (token, nil)
        case .object(let object as RequestValue): return (object.token, object)
        default:
            throw ScriptError(
                code: ErrorCode.typeError,
                message:
                    "bad argument #\(i + 1) to '\(function)' (request or request token expected, got \(args[i].typeName))"
            )
        }
    }

    /// The DesiredState JSON text of `create`: a map, or a string that is a JSON object or
    /// the path of a file holding one, by `DesiredStateSource`'s rule (the one `ccs api`
    /// follows). The object is checked here, so a mistake is reported before anything is sent.
    static func desiredState(_ value: Value, _ function: String) throws -> String {
        switch value {
        case .map, .object:
            return JSONWriter().string(try JSONBridge.json(value, "\(function): desired state"))
        case .string(let text):
            if DesiredStateSource.isDocument(text) {
                let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
                return try checkedJSONObject(trimmed, source: "the desired-state string", function)
            }
            let contents: String
            do {
                contents = try DesiredStateSource.contents(ofFile: text)
            } catch let error as DesiredStateFileError {
                throw ScriptError(code: ErrorCode.ioError, message: "\(function): \(error)")
            }
            return try checkedJSONObject(contents, source: "file '\(text)'", function)
        default:
            throw ScriptError(
                code: ErrorCode.typeError,
                message:
                    "bad argument #2 to '\(function)' (map, JSON string or file path expected, got \(value.typeName))"
            )
        }
    }

    private static func checkedJSONObject(_ text: String, source: String, _ function: String) throws -> String
    {
        let parsed: JSONValue
        do {
            parsed = try JSONParser.parse(text)
        } catch {
            throw ScriptError(
                code: ErrorCode.jsonError, message: "\(function): \(source) is not valid JSON: \(error)")
        }
        guard case .object = parsed else {
            throw ScriptError(
                code: ErrorCode.valueError,
                message:
                    "\(function): \(source) must hold a JSON object, got \(JSONBridge.value(parsed).typeName)")
        }
        return text
    }

    /// An identifier: a string as given, or a map of the primary identifier's properties
    /// joined with `|` in the schema's order.
    static func identifier(_ value: Value, type: String, session: CloudSession, _ function: String) throws
        -> String
    {
        switch value {
        case .string(let s): return s
        case .map(let box):
            let schema = try session.schema(type, for: function)
            var parts: [String] = []
            for path in schema.schema.primaryIdentifier {
                let json = try JSONBridge.json(.map(box), "\(function): identifier")
                guard let part = JSONPointer(tokens: path.tokens).resolve(in: json), part != .null else {
                    let names = schema.schema.primaryIdentifier.map { $0.tokens.joined(separator: "/") }
                    throw ScriptError(
                        code: ErrorCode.keyError,
                        message:
                            "\(function): the identifier map lacks '\(path.tokens.joined(separator: "/"))' (\(type) is identified by \(names.joined(separator: ", ")))"
                    )
                }
                parts.append(part.stringValue ?? JSONWriter().string(part))
            }
            return parts.joined(separator: "|")
        default:
            throw ScriptError(
                code: ErrorCode.typeError,
                message:
                    "bad argument #2 to '\(function)' (identifier string or map expected, got \(value.typeName))"
            )
        }
    }

    /// The progress event of a mutating call, which the service always sends.
    static func event(_ event: ProgressEvent?, _ function: String) throws -> ProgressEvent {
        guard let event else {
            throw CloudErrors.local(
                "MissingProgressEvent", "\(function): the service's response has no ProgressEvent")
        }
        return event
    }
}
