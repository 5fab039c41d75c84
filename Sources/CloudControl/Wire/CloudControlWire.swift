import Foundation
import JSONCore

/// The awsJson1_0 protocol as Cloud Control speaks it (service-2.json metadata:
/// `"protocol": "json"`, `"jsonVersion": "1.0"`, `"targetPrefix": "CloudApiService"`): every
/// call is `POST /` with the operation named in `X-Amz-Target` and the input as a JSON object
/// body; outputs are JSON objects; timestamps are epoch seconds.
///
/// Both sides use it: the client encodes inputs and decodes outputs and errors; the
/// emulator's server decodes inputs and encodes outputs and errors.
public enum CloudControlWire {
    /// The `Content-Type` of requests and responses.
    public static let contentType = "application/x-amz-json-1.0"
    /// The prefix of `X-Amz-Target` values.
    public static let targetPrefix = "CloudApiService"
    /// The header that names the operation.
    public static let targetHeader = "X-Amz-Target"
    /// The header some services use to name an error's type.
    public static let errorTypeHeader = "x-amzn-ErrorType"
    /// The header that carries the request id.
    public static let requestIdHeader = "x-amzn-RequestId"

    /// `CloudApiService.CreateResource` for `.createResource`.
    public static func target(for operation: APIOperation) -> String {
        targetPrefix + "." + operation.rawValue
    }

    /// The operation named by an `X-Amz-Target` value, or nil if it names none of the eight.
    public static func operation(forTarget target: String) -> APIOperation? {
        let prefix = targetPrefix + "."
        guard target.hasPrefix(prefix) else { return nil }
        return APIOperation(rawValue: String(target.dropFirst(prefix.count)))
    }

    // MARK: client side

    /// The request body of an input: a JSON object of its non-nil members, in model order.
    public static func encodeInput<Input: CloudControlInput>(_ input: Input) throws -> [UInt8] {
        JSONWriter().bytes(try wireEncoder.encode(input))
    }

    /// Decodes a successful response's body; throws `ResponseDecodingError` naming the member
    /// that did not fit. Unknown members are ignored, as awsJson1_0 clients must.
    public static func decodeOutput<Output: CloudControlOutput>(
        _ type: Output.Type, status: Int = 200, body: [UInt8]
    ) throws -> Output {
        // An empty body is an output with no members set.
        let document: JSONValue
        do {
            document = body.isEmpty ? .emptyObject : try JSONValue.parseWireDocument(body)
        } catch {
            throw ResponseDecodingError(status: status, reason: "body is not JSON: \(error)", body: body)
        }
        do {
            return try WireDecoder().decode(type, from: document)
        } catch let error as DecodingError {
            throw ResponseDecodingError(status: status, reason: describe(error), body: body)
        }
    }

    // MARK: server side

    /// Decodes a request body into the operation's input (server side). Unknown members are
    /// ignored; a missing required member, a wrong type or malformed JSON throw
    /// `WireInputError`. An empty body is taken as `{}`.
    public static func decodeInput<Input: CloudControlInput>(_ type: Input.Type, body: [UInt8]) throws
        -> Input
    {
        try decodeInput(type, body: body.isEmpty ? Array("{}".utf8) : body, strictMembers: nil)
    }

    /// The response body of an output: a JSON object of its non-nil members in model order,
    /// timestamps as epoch seconds.
    public static func encodeOutput<Output: CloudControlOutput>(_ output: Output) throws -> [UInt8] {
        JSONWriter().bytes(try wireEncoder.encode(output))
    }

    // MARK: shared

    static let wireEncoder = WireEncoder(dateEncoding: WireEncoder.epochSeconds)

    /// Decodes an input. With `strictMembers` (member names per object path, "" for the top
    /// level), members not listed are reported as unknown before anything else.
    static func decodeInput<Input: CloudControlInput>(
        _ type: Input.Type, body: [UInt8], strictMembers: [String: [String]]?
    ) throws -> Input {
        let operation = Input.operation
        let document: JSONValue
        do {
            // A lone surrogate escape would silently become U+FFFD in what is stored; the
            // language refuses it too (parse_json), so the emulator says so instead.
            document = try JSONValue.parseWireDocument(body, loneSurrogates: .reject)
        } catch {
            throw WireInputError(
                operation: operation, path: "", problem: .malformedJSON(detail: describe(error)))
        }
        guard case .object = document else {
            throw WireInputError(
                operation: operation, path: "",
                problem: .wrongType(expected: "an object", found: document.wireTypeDescription))
        }
        if let strictMembers {
            try checkMembers(document, path: "", known: strictMembers, operation: operation)
        }
        do {
            return try WireDecoder().decode(type, from: document)
        } catch let error as DecodingError {
            throw inputError(error, document: document, operation: operation)
        }
    }

    /// Reports the first member (in sorted order, for stable messages) that the shape lacks.
    private static func checkMembers(
        _ value: JSONValue, path: String, known: [String: [String]], operation: APIOperation
    ) throws {
        switch value {
        case .object(let members):
            guard let names = known[path] else { return }
            for key in members.keys.sorted() {
                guard let member = members[key], member != .null else { continue }
                let memberPath = path.isEmpty ? key : path + "." + key
                guard names.contains(key) else {
                    throw WireInputError(
                        operation: operation, path: memberPath,
                        problem: .unknownMember(suggestion: closest(to: key, in: names)))
                }
                try checkMembers(member, path: memberPath, known: known, operation: operation)
            }
        case .array(let elements):
            for element in elements {
                try checkMembers(element, path: path, known: known, operation: operation)
            }
        default:
            return
        }
    }

    /// The known name equal ignoring case, or within two edits of `name`.
    static func closest(to name: String, in names: [String]) -> String? {
        if let same = names.first(where: { $0.lowercased() == name.lowercased() }) { return same }
        let scored = names.map { ($0, editDistance(Array($0.lowercased()), Array(name.lowercased()))) }
        guard let best = scored.min(by: { $0.1 < $1.1 }), best.1 <= 2 else { return nil }
        return best.0
    }

    private static func editDistance(_ a: [Character], _ b: [Character]) -> Int {
        var previous = Array(0...b.count)
        for (i, x) in a.enumerated() {
            var current = [i + 1]
            for (j, y) in b.enumerated() {
                current.append(min(previous[j + 1] + 1, current[j] + 1, previous[j] + (x == y ? 0 : 1)))
            }
            previous = current
        }
        return previous[b.count]
    }
}
