import SigV4

/// Percent-encoding of awsQuery form bodies and of SigV4 canonical strings alike: every byte
/// but the RFC 3986 §2.3 unreserved characters (`A-Z a-z 0-9 - _ . ~`) becomes `%XX` with
/// upper-case hex (botocore `percent_encode`). The byte rule is SigV4's `URIEncoding`; only
/// form decoding (`+` as space, strict escapes) is particular to forms.
public enum FormEncoding {
    /// The percent-encoded form of `text`.
    public static func encode(_ text: String) -> String {
        URIEncoding.encode(text.utf8, keepSlash: false)
    }

    /// Decodes `a=b&c=d` (`+` as space, as HTML forms send it); nil when a `%` escape is
    /// malformed or the result is not UTF-8.
    public static func decode(_ body: [UInt8]) -> [(name: String, value: String)]? {
        var pairs: [(name: String, value: String)] = []
        for field in body.split(separator: UInt8(ascii: "&"), omittingEmptySubsequences: true) {
            let parts = field.split(separator: UInt8(ascii: "="), maxSplits: 1, omittingEmptySubsequences: false)
            guard let name = unescape(parts[0]) else { return nil }
            guard let value = parts.count > 1 ? unescape(parts[1]) : "" else { return nil }
            pairs.append((name, value))
        }
        return pairs
    }

    private static func unescape(_ bytes: ArraySlice<UInt8>) -> String? {
        var out: [UInt8] = []
        var index = bytes.startIndex
        while index < bytes.endIndex {
            let byte = bytes[index]
            if byte == UInt8(ascii: "%") {
                guard index + 2 < bytes.endIndex, let high = URIEncoding.hexValue(bytes[index + 1]),
                    let low = URIEncoding.hexValue(bytes[index + 2])
                else { return nil }
                out.append(high << 4 | low)
                index += 3
            } else {
                out.append(byte == UInt8(ascii: "+") ? UInt8(ascii: " ") : byte)
                index += 1
            }
        }
        return String(validating: out, as: UTF8.self)
    }
}
