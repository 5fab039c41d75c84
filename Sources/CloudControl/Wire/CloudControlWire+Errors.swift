import Foundation
import JSONCore

// Error responses of awsJson1_0 (Smithy, "AWS JSON 1.0 protocol", Operation error
// serialization): the type comes from the `X-Amzn-Errortype` header, else the body's `code`
// member, else its `__type` member; a `:`-suffix (header form, e.g. `...:http://internal`)
// and a namespace prefix ending in `#` are stripped. The message is `Message` or `message`.

extension CloudControlWire {
    /// Decodes a non-2xx response into the typed error. Throws `ResponseDecodingError` when
    /// the response names no error type and its body is not JSON, or names no type at all.
    public static func decodeError(
        status: Int, headers: [(name: String, value: String)], body: [UInt8]
    ) throws -> CloudControlError {
        let header = headers.first { $0.name.caseInsensitiveCompare(errorTypeHeader) == .orderedSame }?.value
        let requestId = headers.first { $0.name.caseInsensitiveCompare(requestIdHeader) == .orderedSame }?
            .value
        let document: JSONValue?
        if body.isEmpty {
            document = nil
        } else {
            document = try? JSONValue.parseWireDocument(body)
            if document == nil && header == nil {
                throw ResponseDecodingError(
                    status: status, reason: "error response body is not JSON", body: body)
            }
        }
        var rawType = header.flatMap { $0.isEmpty ? nil : $0 }
        if rawType == nil, case .string(let code)? = document?["code"] { rawType = code }
        if rawType == nil, case .string(let type)? = document?["__type"] { rawType = type }
        guard let rawType, !sanitizedErrorType(rawType).isEmpty else {
            throw ResponseDecodingError(
                status: status,
                reason: "error response names no error type (no \(errorTypeHeader), code or __type)",
                body: body)
        }
        var message = ""
        if case .string(let text)? = document?["Message"] {
            message = text
        } else if case .string(let text)? = document?["message"] {
            message = text
        }
        return CloudControlError(
            code: CloudControlErrorCode(wireName: sanitizedErrorType(rawType)), message: message,
            httpStatus: status, requestId: requestId)
    }

    /// `ThrottlingException` for `com.amazonaws.cloudcontrol#ThrottlingException` or
    /// `ThrottlingException:http://internal.amazon.com/coral/...`.
    public static func sanitizedErrorType(_ raw: String) -> String {
        var type = Substring(raw)
        if let colon = type.firstIndex(of: ":") { type = type[..<colon] }
        if let hash = type.lastIndex(of: "#") { type = type[type.index(after: hash)...] }
        return String(type.trimmingCharacters(in: .whitespaces))
    }

    /// The body of an error response (server side): `{"__type":"<prefix>Type","Message":"..."}`.
    /// `typePrefix` (e.g. `com.amazonaws.cloudcontrol#`) is prepended to the type when given;
    /// clients strip it either way.
    public static func encodeError(_ error: CloudControlError, typePrefix: String = "") -> [UInt8] {
        let body: JSONValue = [
            "__type": .string(typePrefix + error.code.wireName),
            "Message": .string(error.message),
        ]
        return JSONWriter().bytes(body)
    }
}
