import JSONCore

// `--output yaml`: block-style YAML 1.2, two spaces per level, sequences at their key's
// indentation (`key:` then `- item`), as the AWS CLI writes it. A string is written plain only
// when no YAML reader could take it for anything else; otherwise it is double-quoted, and
// JSON's string escapes are YAML's double-quoted escapes, so the one JSON writer quotes it.

extension ApiOutputFormat {
    static func yaml(_ document: JSONValue) -> String {
        var lines: [String] = []
        switch document {
        case .object(let members) where !members.isEmpty: yamlMapping(members, indent: "", into: &lines)
        case .array(let items) where !items.isEmpty: yamlSequence(items, indent: "", into: &lines)
        default: lines.append(yamlScalar(document))
        }
        return lines.joined(separator: "\n")
    }

    private static func yamlMapping(_ members: JSONObject, indent: String, into lines: inout [String]) {
        for (key, value) in members {
            let head = indent + yamlString(key) + ":"
            switch value {
            case .object(let nested) where !nested.isEmpty:
                lines.append(head)
                yamlMapping(nested, indent: indent + "  ", into: &lines)
            case .array(let items) where !items.isEmpty:
                lines.append(head)
                yamlSequence(items, indent: indent, into: &lines)
            default:
                lines.append(head + " " + yamlScalar(value))
            }
        }
    }

    private static func yamlSequence(_ items: [JSONValue], indent: String, into lines: inout [String]) {
        for item in items {
            switch item {
            case .object(let nested) where !nested.isEmpty:
                // The first member goes on the dash's line: `- Identifier: x`.
                var nestedLines: [String] = []
                yamlMapping(nested, indent: indent + "  ", into: &nestedLines)
                lines.append(indent + "- " + nestedLines[0].dropFirst(indent.count + 2))
                lines.append(contentsOf: nestedLines.dropFirst())
            case .array(let nested) where !nested.isEmpty:
                lines.append(indent + "-")
                yamlSequence(nested, indent: indent + "  ", into: &lines)
            default:
                lines.append(indent + "- " + yamlScalar(item))
            }
        }
    }

    private static func yamlScalar(_ value: JSONValue) -> String {
        switch value {
        case .string(let text): return yamlString(text)
        case .object: return "{}"
        case .array: return "[]"
        default: return JSONWriter().string(value)
        }
    }

    /// Plain when the string starts with a letter, `_` or `/`, holds only characters that
    /// mean nothing to YAML in a plain scalar (`:` only when not followed by a space), does
    /// not end in `:` and is not one of the words YAML 1.1 readers take for booleans or null.
    static func yamlString(_ text: String) -> String {
        let reserved: Set<String> = ["true", "false", "yes", "no", "on", "off", "y", "n", "null", "~"]
        guard let first = text.unicodeScalars.first, first.properties.isAlphabetic || first == "_" || first == "/",
            !reserved.contains(text.lowercased()), !text.hasSuffix(":"), !text.contains(": "),
            text.unicodeScalars.allSatisfy({ scalar in
                scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || "_-./:@+=()".unicodeScalars.contains(scalar)
            })
        else { return JSONWriter().string(.string(text)) }
        return text
    }
}
