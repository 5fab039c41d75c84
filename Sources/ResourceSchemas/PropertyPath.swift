import JSONCore

/// A property path from a schema's `readOnlyProperties`, `createOnlyProperties`,
/// `writeOnlyProperties` or `primaryIdentifier` list, e.g. `/properties/Tags/*/Key`.
///
/// The leading `properties` token is dropped, so `tokens` addresses the resource model
/// directly; a `*` token stands for every element of an array (CloudFormation registry schema
/// convention).
public struct PropertyPath: Sendable, Hashable, CustomStringConvertible {
    /// Tokens relative to the resource model, `*` for any array element.
    public var tokens: [String]

    /// Parses a schema pointer. Returns nil for pointers that do not start with `/properties/`.
    public init?(schemaPointer: String) {
        guard let pointer = try? JSONPointer(schemaPointer), pointer.tokens.first == "properties",
            pointer.tokens.count >= 2
        else { return nil }
        tokens = Array(pointer.tokens.dropFirst())
    }

    public init(tokens: [String]) {
        self.tokens = tokens
    }

    /// The schema pointer form, `/properties/...`.
    public var description: String { "/properties" + JSONPointer(tokens: tokens).description }

    /// The top-level property name.
    public var topLevel: String { tokens.first ?? "" }

    /// True when this path names a top-level property.
    public var isTopLevel: Bool { tokens.count == 1 }

    /// The concrete locations this path matches in `model`, expanding `*` over arrays.
    public func matches(in model: JSONValue) -> [JSONPointer] {
        var results: [JSONPointer] = []
        func walk(_ value: JSONValue, _ index: Int, _ at: JSONPointer) {
            if index == tokens.count { results.append(at); return }
            let token = tokens[index]
            switch value {
            case .object(let o):
                if let child = o[token] { walk(child, index + 1, at.appending(token)) }
            case .array(let a) where token == "*":
                for (i, element) in a.enumerated() { walk(element, index + 1, at.appending(String(i))) }
            default:
                return
            }
        }
        walk(model, 0, .root)
        return results
    }

    /// True when a patch location (a JSON Pointer into the model) touches this path: it equals
    /// it, lies inside it, or contains it.
    public func overlaps(_ pointer: JSONPointer) -> Bool {
        for (a, b) in zip(tokens, pointer.tokens) where a != "*" && a != b {
            return false
        }
        return true
    }

    /// Returns `model` without the locations this path matches.
    public func removing(from model: JSONValue) -> JSONValue {
        var result = model
        for pointer in matches(in: model).reversed() {
            if let removed = try? JSONPatch(operations: [.remove(path: pointer)]).apply(to: result) {
                result = removed
            }
        }
        return result
    }
}
