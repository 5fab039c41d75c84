import Foundation
import JSONCore

// Turning Foundation's DecodingError into messages that name the member, for both the
// client's ResponseDecodingError and the server's / CLI's WireInputError.

extension CloudControlWire {
    /// `ProgressEvent.EventTime` for a coding path.
    static func path(_ codingPath: [CodingKey]) -> String {
        var text = ""
        for key in codingPath {
            if let index = key.intValue {
                text += "[\(index)]"
            } else {
                text += text.isEmpty ? key.stringValue : "." + key.stringValue
            }
        }
        return text
    }

    static func describe(_ error: Error) -> String {
        guard let error = error as? DecodingError else { return "\(error)" }
        switch error {
        case .keyNotFound(let key, let context):
            return "\(path(context.codingPath + [key])): missing"
        case .typeMismatch(let type, let context):
            return "\(path(context.codingPath)): expected \(expectedName(type))"
        case .valueNotFound(let type, let context):
            return "\(path(context.codingPath)): expected \(expectedName(type)), found null"
        case .dataCorrupted(let context):
            let location = path(context.codingPath)
            let detail = underlyingDetail(context)
            if location.isEmpty { return detail.isEmpty ? "body is not JSON" : "body is not JSON: \(detail)" }
            return "\(location): \(context.debugDescription)"
        @unknown default:
            return "\(error)"
        }
    }

    private static func underlyingDetail(_ context: DecodingError.Context) -> String {
        if let underlying = context.underlyingError {
            return "\(underlying)"
        }
        return context.debugDescription
    }

    static func expectedName(_ type: Any.Type) -> String {
        switch type {
        case is String.Type: return "a string"
        case is Int.Type, is Int64.Type, is Int32.Type: return "an integer"
        case is Double.Type, is Date.Type: return "a number"
        case is Bool.Type: return "a boolean"
        default:
            let name = "\(type)"
            if name.hasPrefix("Array") || name.hasPrefix("[") { return "an array" }
            return "an object"
        }
    }

    static func inputError(_ error: DecodingError, document: JSONValue, operation: APIOperation)
        -> WireInputError
    {
        switch error {
        case .keyNotFound(let key, let context):
            return WireInputError(
                operation: operation, path: path(context.codingPath + [key]), problem: .missingMember)
        case .valueNotFound(let type, let context):
            // A required member given as null is as good as absent.
            if value(at: context.codingPath, in: document) == .null {
                return WireInputError(
                    operation: operation, path: path(context.codingPath), problem: .missingMember)
            }
            return WireInputError(
                operation: operation, path: path(context.codingPath),
                problem: .wrongType(expected: expectedName(type), found: "null"))
        case .typeMismatch(let type, let context):
            let found = value(at: context.codingPath, in: document)?.wireTypeDescription ?? "another type"
            return WireInputError(
                operation: operation, path: path(context.codingPath),
                problem: .wrongType(expected: expectedName(type), found: found))
        case .dataCorrupted(let context):
            if let found = value(at: context.codingPath, in: document), !context.codingPath.isEmpty {
                // Typically a number that does not fit an integer member (1.5, 1e40).
                return WireInputError(
                    operation: operation, path: path(context.codingPath),
                    problem: .wrongType(expected: "an integer", found: found.wireTypeDescription))
            }
            // The document parsed, so the decoder balked at a value without saying where:
            // Foundation does so for a fraction given to an integer. No input member holds a
            // fractional number, so the first one is the culprit.
            if let location = firstFraction(in: document, path: "") {
                return WireInputError(
                    operation: operation, path: location,
                    problem: .wrongType(expected: "an integer", found: "a number"))
            }
            return WireInputError(
                operation: operation, path: "", problem: .malformedJSON(detail: describe(error)))
        @unknown default:
            return WireInputError(operation: operation, path: "", problem: .malformedJSON(detail: "\(error)"))
        }
    }

    private static func value(at codingPath: [CodingKey], in document: JSONValue) -> JSONValue? {
        var current = document
        for key in codingPath {
            if let index = key.intValue {
                guard case .array(let elements) = current, elements.indices.contains(index) else {
                    return nil
                }
                current = elements[index]
            } else {
                guard let next = current[key.stringValue] else { return nil }
                current = next
            }
        }
        return current
    }

    /// Members are searched in sorted order, as `checkMembers` reports them.
    private static func firstFraction(in json: JSONValue, path: String) -> String? {
        switch json {
        case .double:
            return path
        case .array(let elements):
            for (index, element) in elements.enumerated() {
                if let found = firstFraction(in: element, path: path + "[\(index)]") { return found }
            }
            return nil
        case .object(let members):
            for key in members.keys.sorted() {
                let memberPath = path.isEmpty ? key : path + "." + key
                if let found = members[key].flatMap({ firstFraction(in: $0, path: memberPath) }) {
                    return found
                }
            }
            return nil
        default:
            return nil
        }
    }
}
