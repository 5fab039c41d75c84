import Foundation

/// The result of completing the text before the cursor: the word being completed (the
/// text Tab replaces) and the full replacements for it.
struct Completion: Equatable {
    var word: String
    var candidates: [String]

    static let none = Completion(word: "", candidates: [])

    /// Candidates starting with `word`, sorted, without duplicates.
    static func matching(_ word: String, in names: [String]) -> Completion {
        Completion(word: word, candidates: Array(Set(names.filter { $0.hasPrefix(word) })).sorted())
    }

    /// The longest prefix shared by every candidate (by characters).
    static func commonPrefix(_ candidates: [String]) -> String {
        guard var prefix = candidates.first else { return "" }
        for candidate in candidates.dropFirst() {
            while !candidate.hasPrefix(prefix) { prefix.removeLast() }
        }
        return prefix
    }

    /// Candidates laid out in columns for an 80-column terminal, as shells list them.
    static func columns(_ candidates: [String], width: Int = 80) -> String {
        let cell = (candidates.map(\.count).max() ?? 0) + 2
        let perRow = max(1, width / max(cell, 1))
        var lines: [String] = []
        var row = ""
        for (i, candidate) in candidates.enumerated() {
            let isLast = (i + 1) % perRow == 0 || i == candidates.count - 1
            row += isLast ? candidate : candidate.padding(toLength: cell, withPad: " ", startingAt: 0)
            if isLast {
                lines.append(row)
                row = ""
            }
        }
        return lines.joined(separator: "\n")
    }
}
