import JSONCore

// `--output text`: the AWS CLI's tab-separated layout, for `cut` and `while read`. An
// object's scalar members go on one line (sorted by key), prefixed by the name of the member
// that holds it in upper case; its lists and objects follow, each under its own name. The
// objects of one list share one set of columns (every scalar key of any of them, sorted) so
// that their lines line up. A list of scalars under a name puts each on its own line, a bare
// one goes on one line.

extension ApiOutputFormat {
    static func text(_ document: JSONValue) -> String {
        var lines: [String] = []
        textItem(document, identifier: nil, columns: nil, into: &lines)
        return lines.joined(separator: "\n")
    }

    private static func textItem(_ value: JSONValue, identifier: String?, columns: [String]?, into lines: inout [String]) {
        switch value {
        case .object(let members): textObject(members, identifier: identifier, columns: columns, into: &lines)
        case .array(let items): textList(items, identifier: identifier, into: &lines)
        default: lines.append(scalarText(value))
        }
    }

    private static func textObject(_ members: JSONObject, identifier: String?, columns: [String]?, into lines: inout [String]) {
        var scalars: [String] = []
        var nested: [(String, JSONValue)] = []
        if let columns {
            scalars = columns.map { members[$0].map(scalarText) ?? "" }
            for key in members.keys.sorted() where !columns.contains(key) { nested.append((key, members[key]!)) }
        } else {
            for key in members.keys.sorted() {
                let member = members[key]!
                if isScalar(member) { scalars.append(scalarText(member)) } else { nested.append((key, member)) }
            }
        }
        if !scalars.isEmpty {
            lines.append(((identifier.map { [$0.uppercased()] } ?? []) + scalars).joined(separator: "\t"))
        }
        for (key, member) in nested { textItem(member, identifier: key, columns: nil, into: &lines) }
    }

    private static func textList(_ items: [JSONValue], identifier: String?, into lines: inout [String]) {
        guard !items.isEmpty else { return }
        if items.contains(where: { if case .object = $0 { return true } else { return false } }) {
            var keys: Set<String> = []
            for case .object(let members) in items {
                for (key, value) in members where isScalar(value) { keys.insert(key) }
            }
            let columns = keys.sorted()
            for item in items { textItem(item, identifier: identifier, columns: columns, into: &lines) }
            return
        }
        let scalars = items.filter(isScalar)
        if !scalars.isEmpty {
            if let identifier {
                for scalar in scalars { lines.append(identifier.uppercased() + "\t" + scalarText(scalar)) }
            } else {
                lines.append(scalars.map(scalarText).joined(separator: "\t"))
            }
        }
        for item in items where !isScalar(item) { textItem(item, identifier: identifier, columns: nil, into: &lines) }
    }
}
