/// Steps 1 of "Create a canonical request": the CanonicalHeaders block and SignedHeaders.
struct CanonicalHeaders {
    /// Lowercase names, sorted, each with its canonical value.
    let entries: [(name: String, value: String)]

    /// Builds the block from the headers whose lowercase name `isSigned` accepts. Names are
    /// lowercased, values trimmed with inner runs of spaces collapsed to one, and repeated
    /// headers joined with commas in the order they appear.
    init(headers: [(name: String, value: String)], isSigned: (String) -> Bool) {
        var order: [String] = []
        var values: [String: [String]] = [:]
        for header in headers {
            let name = header.name.lowercased()
            guard isSigned(name) else { continue }
            if values[name] == nil { order.append(name) }
            values[name, default: []].append(Self.canonicalValue(header.value))
        }
        entries = order.sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }
            .map { ($0, (values[$0] ?? []).joined(separator: ",")) }
    }

    /// `name:value\n` for every entry; the canonical request adds the blank line after it.
    var block: String {
        entries.map { "\($0.name):\($0.value)\n" }.joined()
    }

    /// The SignedHeaders line: the lowercase names joined with `;`.
    var signedHeaders: String {
        entries.map(\.name).joined(separator: ";")
    }

    /// Trim, and collapse runs of whitespace (including folded lines) to one space.
    static func canonicalValue(_ value: String) -> String {
        value.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\r" || $0 == "\n" })
            .joined(separator: " ")
    }
}
