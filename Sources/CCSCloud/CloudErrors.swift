import CCSLanguage
import CloudControl
import OrderedCollections

/// The errors the Cloud Control built-ins raise into scripts. Each is a `ScriptError` whose
/// value is a map of extra fields, so `catch e` sees `e.code` and `e.message` and also:
/// - API errors: `e.status` (the HTTP status) and `e.request_id`;
/// - failed requests (raised by `wait`): `e.code` is the ErrorCode (`AlreadyExists`,
///   `NotUpdatable`...), `e.status` the OperationStatus and `e.request` the request value.
enum CloudErrors {
    /// Codes of errors raised by ccs itself rather than by the service.
    static let requestCancelled = "RequestCancelled"
    static let waitTimeout = "WaitTimeout"
    static let requestsFailed = "RequestsFailed"
    static let schemaUnavailable = "SchemaNotAvailable"
    static let patchError = "PatchError"
    static let createOnlyChange = "CreateOnlyChange"
    static let readOnlyChange = "ReadOnlyChange"
    /// A 200 answer that lacks what the operation must return (a resource, its identifier).
    static let malformedResponse = "MalformedResponse"

    /// An error thrown by a service call, named after the call (`get`, `list`...).
    static func api(_ error: Error, in function: String) -> ScriptError {
        if let script = error as? ScriptError { return script }
        if let service = error as? CloudControlError {
            let fields: OrderedDictionary<String, Value> = [
                "code": .string(service.code.wireName),
                "message": .string(service.message),
                "status": .int(service.httpStatus),
                "request_id": service.requestId.map(Value.string) ?? .null,
            ]
            let text =
                service.message.isEmpty
                ? service.code.wireName : "\(service.code.wireName): \(service.message)"
            return ScriptError(
                code: service.code.wireName, message: "\(function): \(text)", value: .map(MapBox(fields)))
        }
        // Errors from before the service answered (parameter validation, credentials,
        // transport): named after their Swift type, described by their own message.
        let code = String(describing: type(of: error))
        let fields: OrderedDictionary<String, Value> = [
            "code": .string(code), "message": .string("\(error)"), "status": .null, "request_id": .null,
        ]
        return ScriptError(code: code, message: "\(function): \(error)", value: .map(MapBox(fields)))
    }

    /// The error `wait` raises for a request that ended FAILED or CANCEL_COMPLETE.
    static func failed(_ request: RequestValue) -> ScriptError {
        let event = request.event
        let status = event.operationStatus?.rawValue ?? "FAILED"
        let code =
            event.errorCode?.rawValue
            ?? (status == "CANCEL_COMPLETE" ? requestCancelled : "GeneralServiceException")
        let what =
            "\(event.operation?.rawValue ?? "request") of \(event.typeName ?? "?")"
            + (event.identifier.map { " '\($0)'" } ?? "")
        let message =
            "\(what) \(status == "CANCEL_COMPLETE" ? "was cancelled" : "failed"): \(code)"
            + (event.statusMessage.map { ": \($0)" } ?? "") + " (request \(request.token))"
        let fields: OrderedDictionary<String, Value> = [
            "code": .string(code), "message": .string(message), "status": .string(status),
            "request_id": .null, "request": .object(request),
        ]
        return ScriptError(code: code, message: message, value: .map(MapBox(fields)))
    }

    /// An error raised by ccs before or instead of a service call.
    static func local(_ code: String, _ message: String, extra: OrderedDictionary<String, Value> = [:])
        -> ScriptError
    {
        var fields: OrderedDictionary<String, Value> = ["code": .string(code), "message": .string(message)]
        for (key, value) in extra { fields[key] = value }
        return ScriptError(code: code, message: message, value: .map(MapBox(fields)))
    }
}
