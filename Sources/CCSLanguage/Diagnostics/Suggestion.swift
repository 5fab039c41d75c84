/// "Did you mean ...?" for a misspelt name: the closest candidate by edit distance, if it is
/// close enough to be a typo (at most a third of the name's length, and at least one edit),
/// for names of three characters or more.
public enum Suggestion {
    /// The closest of `candidates` to `name`, or nil. Ties go to the first in `candidates`.
    public static func closest<S: Sequence>(to name: String, among candidates: S) -> String? where S.Element == String {
        let target = Array(name.lowercased())
        // One- and two-letter names are as often deliberate as mistyped: no guesses for them.
        guard target.count >= 3 else { return nil }
        let limit = Swift.max(1, target.count / 3)
        var best: (name: String, distance: Int)?
        for candidate in candidates where candidate != name {
            let other = Array(candidate.lowercased())
            guard abs(other.count - target.count) <= limit else { continue }
            let d = distance(target, other, limit: limit)
            if d <= limit && d < (best?.distance ?? Int.max) { best = (candidate, d) }
        }
        return best?.name
    }

    /// " (did you mean 'x'?)" or "".
    public static func hint<S: Sequence>(for name: String, among candidates: S) -> String where S.Element == String {
        closest(to: name, among: candidates).map { " (did you mean '\($0)'?)" } ?? ""
    }

    /// Levenshtein distance with adjacent transpositions counted as one edit (so `pirnt`
    /// is one from `print`); stops early once every path exceeds `limit`.
    private static func distance(_ a: [Character], _ b: [Character], limit: Int) -> Int {
        if a.isEmpty || b.isEmpty { return Swift.max(a.count, b.count) }
        var previous2 = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            var rowMin = current[0]
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = Swift.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    current[j] = Swift.min(current[j], previous2[j - 2] + 1)
                }
                rowMin = Swift.min(rowMin, current[j])
            }
            if rowMin > limit { return rowMin }
            (previous2, previous, current) = (previous, current, previous2)
        }
        return previous[b.count]
    }
}
