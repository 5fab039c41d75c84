/// Step 1 of "Create a canonical request": the CanonicalQueryString line.
enum CanonicalQuery {
    /// Each `name=value` pair of the raw query is decoded and URI-encoded again (so already
    /// encoded and raw input give the same result), a pair without `=` gets an empty value,
    /// and the pairs are sorted by encoded name, then encoded value, byte by byte.
    static func make(query: String) -> String {
        let pairs = parse(query: query, excluding: nil)
        return pairs.map { "\($0.name)=\($0.value)" }.joined(separator: "&")
    }

    /// The encoded pairs in canonical order, leaving out parameters named `excluding` (the
    /// presigned URL's `X-Amz-Signature`).
    static func parse(query: String, excluding: String?) -> [(name: String, value: String)] {
        var pairs: [(name: String, value: String)] = []
        for piece in query.split(separator: "&", omittingEmptySubsequences: true) {
            let name: Substring
            let value: Substring
            if let equals = piece.firstIndex(of: "=") {
                name = piece[..<equals]
                value = piece[piece.index(after: equals)...]
            } else {
                name = piece
                value = ""
            }
            if let excluding, name == excluding { continue }
            pairs.append(
                (
                    URIEncoding.encode(URIEncoding.decode(name), keepSlash: false),
                    URIEncoding.encode(URIEncoding.decode(value), keepSlash: false)
                ))
        }
        return pairs.sorted { lhs, rhs in
            let leftName = Array(lhs.name.utf8)
            let rightName = Array(rhs.name.utf8)
            if leftName != rightName { return leftName.lexicographicallyPrecedes(rightName) }
            return Array(lhs.value.utf8).lexicographicallyPrecedes(Array(rhs.value.utf8))
        }
    }
}
