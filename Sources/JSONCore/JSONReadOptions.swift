/// The choices where RFC 8259 leaves room and the two callers of the one parser differ.
public struct JSONReadOptions: Sendable {
    /// What to do with a `\u` escape that forms a lone UTF-16 surrogate (RFC 8259 §8.2).
    public enum LoneSurrogates: Sendable {
        /// Replace it by U+FFFD (a Swift `String` cannot hold a lone surrogate).
        case replace
        /// Refuse the document.
        case reject
    }

    /// Arrays and objects may nest this many levels; one more is an error, never a stack
    /// overflow (the parser is iterative).
    public var maxDepth: Int
    public var loneSurrogates: LoneSurrogates
    /// When true, the integer literal `-0` is built as the double `-0.0` so its sign survives a
    /// round trip; when false it is the integer 0.
    public var negativeZeroIsDouble: Bool

    public init(maxDepth: Int, loneSurrogates: LoneSurrogates, negativeZeroIsDouble: Bool) {
        self.maxDepth = maxDepth
        self.loneSurrogates = loneSurrogates
        self.negativeZeroIsDouble = negativeZeroIsDouble
    }
}
