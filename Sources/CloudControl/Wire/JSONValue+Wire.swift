import JSONCore

// What the awsJson1_0 codec adds to JSONCore's document model: how it writes numbers and how
// its error messages name JSON types.

extension JSONValue {
    /// A number as the wire writes it: integral values within 2^53 as integers (epoch seconds
    /// stay `1636968600`, not `1636968600.0`), others in Swift's shortest round-tripping form.
    static func wireNumber(_ number: Double) -> JSONValue {
        if number == number.rounded(), abs(number) < 9_007_199_254_740_992 {
            return .int(Int(number))
        }
        return .double(number)
    }

    /// Parses a request or response body. A leading UTF-8 byte order mark is skipped: RFC 8259
    /// §8.1 lets parsers ignore one, and bodies with one were accepted when the typed shapes
    /// were decoded by Foundation's decoder, which skips it.
    static func parseWireDocument<Bytes: Collection>(
        _ body: Bytes, loneSurrogates: JSONReadOptions.LoneSurrogates = .replace
    ) throws -> JSONValue
    where Bytes.Element == UInt8 {
        let bom: [UInt8] = [0xEF, 0xBB, 0xBF]
        return body.starts(with: bom)
            ? try JSONParser.parse(body.dropFirst(3), loneSurrogates: loneSurrogates)
            : try JSONParser.parse(body, loneSurrogates: loneSurrogates)
    }

    /// The JSON type's name for input error messages ("a string", "an object", ...); integers
    /// and other numbers are both "a number", as JSON itself does not tell them apart.
    var wireTypeDescription: String {
        switch self {
        case .null: return "null"
        case .bool: return "a boolean"
        case .int, .double: return "a number"
        case .string: return "a string"
        case .array: return "an array"
        case .object: return "an object"
        }
    }
}
