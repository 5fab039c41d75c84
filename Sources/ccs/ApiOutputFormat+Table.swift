import JSONCore

// `--output table`: boxed tables for reading at a terminal. An object's scalar members form a
// two-column table of names and values; each list member gets its own table under the
// member's name, one row per item, one column per key (in first-seen order) for a list of
// objects; each object member a table of its own under its name. Values that are themselves
// lists or objects are shown as compact JSON in their cell. The AWS CLI nests tables instead
// of writing JSON into cells; for Cloud Control's documents (a list of resources whose
// properties are one JSON string) one level reads better.

extension ApiOutputFormat {
    static func table(_ document: JSONValue) -> String {
        var blocks: [String] = []
        tableSections(document, title: nil, into: &blocks)
        return blocks.joined(separator: "\n")
    }

    private static func tableSections(_ value: JSONValue, title: String?, into blocks: inout [String]) {
        switch value {
        case .object(let members):
            let scalars = members.filter { isScalar($0.value) }
            if !scalars.isEmpty || members.isEmpty {
                blocks.append(box(title: title, header: nil, rows: scalars.map { [$0.key, scalarText($0.value)] }))
            }
            for (key, member) in members where !isScalar(member) {
                tableSections(member, title: title.map { "\($0).\(key)" } ?? key, into: &blocks)
            }
        case .array(let items):
            var columns: [String] = []
            var seen: Set<String> = []
            for case .object(let members) in items {
                for key in members.keys where seen.insert(key).inserted { columns.append(key) }
            }
            if columns.isEmpty {
                blocks.append(box(title: title, header: nil, rows: items.map { [scalarText($0)] }))
            } else {
                let rows = items.map { item -> [String] in
                    guard case .object(let members) = item else { return [scalarText(item)] + columns.dropFirst().map { _ in "" } }
                    return columns.map { members[$0].map(scalarText) ?? "" }
                }
                blocks.append(box(title: title, header: columns, rows: rows))
            }
        default:
            blocks.append(box(title: title, header: nil, rows: [[scalarText(value)]]))
        }
    }

    /// One boxed table: an optional centred title, an optional header row, the rows. Cell
    /// text is cut at its first line break (shown as `…`) so that every row is one line.
    static func box(title: String?, header: [String]?, rows: [[String]]) -> String {
        func cell(_ text: String) -> String {
            guard let end = text.firstIndex(where: \.isNewline) else { return text }
            return String(text[..<end]) + "…"
        }
        let body = rows.map { $0.map(cell) }
        let columnCount = max(header?.count ?? 0, body.map(\.count).max() ?? 0, 1)
        var widths = Array(repeating: 0, count: columnCount)
        for row in (header.map { [$0] } ?? []) + body {
            for (index, text) in row.enumerated() { widths[index] = max(widths[index], text.count) }
        }
        var inner = widths.reduce(0, +) + 3 * (columnCount - 1)
        if let title, title.count > inner {
            widths[columnCount - 1] += title.count - inner
            inner = title.count
        }
        let rule = "+" + widths.map { String(repeating: "-", count: $0 + 2) }.joined(separator: "+") + "+"
        func line(_ row: [String]) -> String {
            let cells = (0..<columnCount).map { index -> String in
                let text = index < row.count ? row[index] : ""
                return " " + text + String(repeating: " ", count: widths[index] - text.count) + " "
            }
            return "|" + cells.joined(separator: "|") + "|"
        }
        var lines: [String] = []
        if let title {
            let left = (inner - title.count) / 2
            lines.append("+" + String(repeating: "-", count: inner + 2) + "+")
            lines.append(
                "| " + String(repeating: " ", count: left) + title
                    + String(repeating: " ", count: inner - title.count - left) + " |")
        }
        lines.append(rule)
        if let header {
            lines.append(line(header))
            lines.append(rule)
        }
        if !body.isEmpty {
            lines.append(contentsOf: body.map(line))
            lines.append(rule)
        }
        return lines.joined(separator: "\n")
    }
}
