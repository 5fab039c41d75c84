/// The walk behind `Value.equal` for lists and maps: an explicit work list instead of
/// recursion, so a value nested a million deep is compared without growing the stack
/// (issue 16, F1 and F6).
///
/// Cycles (`let a = []; push(a, a)`) would make the walk endless, so after
/// `remembersAfter` container pairs it records every pair it has taken up and skips a pair
/// seen before: the values are equal exactly when no pair reachable in step from the two
/// roots differs (bisimilarity), and a pair already scheduled is being checked anyway.
/// Below that threshold nothing is recorded, so comparing small values allocates no set.
struct StructuralEquality {
    /// Container pairs whose elements are still to be compared.
    private var pending: [(Value, Value)] = []
    /// Container pairs already taken up, recorded once `expanded` passes the threshold.
    private var seen: Set<Pair> = []
    private var expanded = 0
    /// Any cycle is walked round again after this many pairs, and then caught.
    static let remembersAfter = 4_096

    private struct Pair: Hashable {
        let left: ObjectIdentifier
        let right: ObjectIdentifier
    }

    mutating func equal(_ a: Value, _ b: Value) -> Bool {
        guard schedule(a, b) else { return false }
        while let (left, right) = pending.popLast() {
            guard expand(left, right) else { return false }
        }
        return true
    }

    /// Compares two values as far as is possible without looking inside containers: false
    /// when they differ there, otherwise true (two containers of equal size are queued).
    private mutating func schedule(_ a: Value, _ b: Value) -> Bool {
        switch (a, b) {
        case let (.list(x), .list(y)):
            if x === y { return true }
            guard x.items.count == y.items.count else { return false }
            if !x.items.isEmpty { pending.append((a, b)) }
            return true
        case let (.map(x), .map(y)):
            if x === y { return true }
            guard x.entries.count == y.entries.count else { return false }
            if !x.entries.isEmpty { pending.append((a, b)) }
            return true
        default:
            return Value.scalarEqual(a, b)
        }
    }

    /// Compares the elements of a queued pair of containers.
    private mutating func expand(_ a: Value, _ b: Value) -> Bool {
        switch (a, b) {
        case let (.list(x), .list(y)):
            guard firstVisit(ObjectIdentifier(x), ObjectIdentifier(y)) else { return true }
            // Sizes were checked when the pair was queued, and comparing changes nothing.
            for i in x.items.indices where !schedule(x.items[i], y.items[i]) { return false }
            return true
        case let (.map(x), .map(y)):
            guard firstVisit(ObjectIdentifier(x), ObjectIdentifier(y)) else { return true }
            for (key, value) in x.entries {
                guard let other = y.entries[key], schedule(value, other) else { return false }
            }
            return true
        default:
            return Value.scalarEqual(a, b)
        }
    }

    private mutating func firstVisit(_ left: ObjectIdentifier, _ right: ObjectIdentifier) -> Bool {
        expanded += 1
        guard expanded > Self.remembersAfter else { return true }
        return seen.insert(Pair(left: left, right: right)).inserted
    }
}
