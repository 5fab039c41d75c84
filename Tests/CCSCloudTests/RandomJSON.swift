import JSONCore

/// A small seeded generator of JSON documents for property tests (SplitMix64, so a failing
/// seed reproduces exactly).
struct RandomJSON {
    private var state: UInt64

    init(seed: UInt64) {
        state = seed
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    mutating func int(_ bound: Int) -> Int { Int(next() % UInt64(bound)) }
    mutating func chance(_ percent: Int) -> Bool { int(100) < percent }

    /// Keys include the characters JSON Pointer must escape (`/` and `~`) and the empty key.
    static let keys = ["a", "b", "c", "a/b", "m~n", "~1", "", "Key", "Value", "0"]

    mutating func key() -> String { Self.keys[int(Self.keys.count)] }

    mutating func scalar() -> JSONValue {
        switch int(6) {
        case 0: return .null
        case 1: return .bool(chance(50))
        case 2: return .int(int(5) - 2)
        case 3: return .double(Double(int(7)) / 2)
        case 4: return .string(["", "x", "y", "a/b", "~0"][int(5)])
        default: return .int(int(3))
        }
    }

    mutating func document(depth: Int = 3) -> JSONValue {
        guard depth > 0, chance(60) else { return scalar() }
        if chance(50) {
            return .array((0..<int(5)).map { _ in document(depth: depth - 1) })
        }
        var object = JSONObject()
        for _ in 0..<int(5) { object[key()] = document(depth: depth - 1) }
        return .object(object)
    }

    /// A variant of `value`: most of it kept, some members and elements changed, added,
    /// removed or reordered, so that diffs exercise in-place edits and not only replacement.
    mutating func mutate(_ value: JSONValue, depth: Int = 3) -> JSONValue {
        if chance(10) || depth == 0 { return document(depth: depth) }
        switch value {
        case .object(var object):
            for key in object.keys where chance(30) {
                object[key] = chance(30) ? nil : mutate(object[key] ?? .null, depth: depth - 1)
            }
            if chance(40) { object[key()] = document(depth: depth - 1) }
            return .object(object)
        case .array(var items):
            for i in items.indices where chance(30) { items[i] = mutate(items[i], depth: depth - 1) }
            if chance(30), !items.isEmpty { items.remove(at: int(items.count)) }
            if chance(30) { items.insert(document(depth: depth - 1), at: int(items.count + 1)) }
            if chance(20), items.count > 1 { items.swapAt(0, items.count - 1) }
            return .array(items)
        default:
            return chance(50) ? scalar() : value
        }
    }
}
