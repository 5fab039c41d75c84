import Foundation
import JSONCore

/// botocore's resume token (botocore/paginate.py, TokenEncoder and PageIterator): base64 of
/// the JSON object `{"NextToken": <service token or null>, "boto_truncate_amount": <n>}`,
/// written as Python's `json.dumps` writes it, so tokens pass between ccs and the AWS CLI.
/// `boto_truncate_amount` is present only when the paginator stopped inside a page: it counts
/// the items of that page already returned.
struct PaginationToken: Equatable, Sendable {
    var nextToken: String?
    var truncateAmount: Int?

    /// The token's text.
    func encoded() -> String {
        var json = "{\"NextToken\": "
        if let nextToken {
            json += Self.pythonQuoted(nextToken)
        } else {
            json += "null"
        }
        if let truncateAmount {
            json += ", \"boto_truncate_amount\": \(truncateAmount)"
        }
        json += "}"
        return Data(json.utf8).base64EncodedString()
    }

    /// Reads a starting token: a resume token, else botocore's older `token___index` form,
    /// else a service NextToken passed as is (botocore's `_parse_starting_token_deprecated`).
    static func decode(_ text: String) -> PaginationToken {
        if let data = Data(base64Encoded: text),
            let json = try? JSONParser.parse(data),
            case .object = json
        {
            var token = PaginationToken()
            if case .string(let next)? = json["NextToken"] { token.nextToken = next }
            if case .int(let amount)? = json["boto_truncate_amount"] {
                token.truncateAmount = amount
            }
            return token
        }
        let parts = text.components(separatedBy: "___")
        if parts.count == 2, let index = Int(parts[1]) {
            return PaginationToken(nextToken: parts[0] == "None" ? nil : parts[0], truncateAmount: index)
        }
        return PaginationToken(nextToken: text == "None" ? nil : text, truncateAmount: nil)
    }

    /// Python's `json.dumps` of a string (ensure_ascii): non-ASCII as `\uXXXX` escapes,
    /// UTF-16 surrogate pairs for characters outside the BMP.
    static func pythonQuoted(_ text: String) -> String {
        var out = "\""
        for unit in text.utf16 {
            switch unit {
            case 0x22: out += "\\\""
            case 0x5C: out += "\\\\"
            case 0x0A: out += "\\n"
            case 0x0D: out += "\\r"
            case 0x09: out += "\\t"
            case 0x08: out += "\\b"
            case 0x0C: out += "\\f"
            case 0x20...0x7E: out.unicodeScalars.append(Unicode.Scalar(UInt8(unit)))
            default:
                let hex = String(unit, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            }
        }
        return out + "\""
    }
}
