import ArgumentParser
import CCSLanguage
import JSONCore

/// `ccs api --output`: the AWS CLI's four formats. `json` is the AWS CLI's JSON byte for
/// byte; `yaml`, `text` and `table` follow the AWS CLI's layouts (docs/CLI.md, "Output
/// formats" says where they differ).
enum ApiOutputFormat: String, CaseIterable, ExpressibleByArgument {
    case json, yaml, text, table

    func render(_ document: JSONValue) -> String {
        switch self {
        case .json: return JSONWriter(style: .indented(spaces: 4)).string(document)
        case .yaml: return Self.yaml(document)
        case .text: return Self.text(document)
        case .table: return Self.table(document)
        }
    }

    /// `--properties`: every `Properties` (ResourceDescription) and `ResourceModel`
    /// (ProgressEvent) string that holds JSON replaced by that JSON, so that `--query` and the
    /// formats see into it. A string that is not JSON stays as it is.
    static func expandingProperties(_ value: JSONValue) -> JSONValue {
        switch value {
        case .array(let items): return .array(items.map(expandingProperties))
        case .object(let members):
            var expanded = JSONObject()
            expanded.reserveCapacity(members.count)
            for (key, member) in members {
                if key == "Properties" || key == "ResourceModel", case .string(let text) = member,
                    let parsed = try? JSONParser.parse(text)
                {
                    expanded[key] = parsed
                } else {
                    expanded[key] = expandingProperties(member)
                }
            }
            return .object(expanded)
        default: return value
        }
    }

    /// `--query`: the nodes `query` selects in the document, as one array (the node list of
    /// RFC 9535, as `ccs query` prints it).
    /// The query runs on the language's values (one JSONPath implementation); a response
    /// those cannot hold (nested deeper than the language's 1,000 levels) is an error, never an
    /// empty result.
    static func select(_ query: JSONPathQuery, in document: JSONValue) throws -> JSONValue {
        let value = try JSONCodec.decode(JSONWriter().string(document))
        return try JSONParser.parse(JSONCodec.encode(.list(ListBox(query.evaluate(value)))))
    }

    /// A scalar as the text and table formats show it: strings bare, `True`/`False`/`None`
    /// as the AWS CLI (Python) writes them.
    static func scalarText(_ value: JSONValue) -> String {
        switch value {
        case .null: return "None"
        case .bool(let flag): return flag ? "True" : "False"
        case .string(let text): return text
        case .int, .double, .array, .object: return JSONWriter().string(value)
        }
    }

    static func isScalar(_ value: JSONValue) -> Bool {
        switch value {
        case .array, .object: return false
        default: return true
        }
    }
}
