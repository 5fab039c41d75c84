/// A small seedable random source (SplitMix64), so generated ids and fault injection are
/// reproducible in tests. Not for cryptography.
public struct SeededRandom: RandomNumberGenerator, Sendable {
    private var state: UInt64

    public init(seed: UInt64) {
        state = seed
    }

    /// Seeded from the system generator.
    public init() {
        var system = SystemRandomNumberGenerator()
        state = system.next()
    }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// `count` characters drawn from `alphabet`.
    public mutating func string(_ count: Int, from alphabet: String) -> String {
        let chars = Array(alphabet)
        return String((0..<count).map { _ in chars[Int.random(in: 0..<chars.count, using: &self)] })
    }

    /// A number in 0..<bound (bound > 0).
    public mutating func int(below bound: Int) -> Int { Int.random(in: 0..<bound, using: &self) }

    /// Lower-case hexadecimal digits.
    public mutating func hex(_ count: Int) -> String { string(count, from: "0123456789abcdef") }

    /// A random (version 4) UUID in lower case.
    public mutating func uuid() -> String {
        let h = hex(32)
        let c = Array(h)
        func part(_ a: Int, _ b: Int) -> String { String(c[a..<b]) }
        let variant = String("89ab".randomElement(using: &self) ?? "8")
        return "\(part(0, 8))-\(part(8, 12))-4\(part(13, 16))-\(variant)\(part(17, 20))-\(part(20, 32))"
    }
}
