/// Why the one JSON parser stopped, as data: the kind of problem and the byte offset it is
/// reported at. Each front end words it in its own error type (`JSONParseError` here, the
/// language's `JSONSyntaxError`), so the parser holds no message text and both keep the
/// messages their users already see.
public struct JSONSyntaxIssue: Error, Equatable, Sendable {
    public enum Kind: Equatable, Sendable {
        /// A value was expected; `inContainer` is false at the top level.
        case expectedValue(inContainer: Bool)
        /// An array or object opened deeper than the limit.
        case tooDeep(limit: Int)
        case expectedKey
        case expectedColon
        /// After a member or element: neither ',' nor the container's closing bracket.
        case expectedCommaOrClose(isObject: Bool, openedAt: Int)
        /// Something other than whitespace after the document.
        case trailingContent
        /// `true`, `false` or `null` misspelled; reported at the literal's start.
        case invalidLiteral(String)
        case unterminatedString(openedAt: Int)
        case controlCharacter(UInt8)
        case invalidUTF8Byte(UInt8)
        case truncatedUTF8
        case invalidUTF8
        /// A backslash at the end of the input; reported at the backslash.
        case unterminatedEscape
        /// `\` followed by a byte that starts no escape; reported at the backslash.
        case invalidEscape(UInt8)
        /// `\u` with fewer than four bytes left; reported at the backslash.
        case shortUnicodeEscape
        /// A byte in `\uXXXX` that is not a hex digit; reported at that byte.
        case invalidHexDigit(UInt8)
        /// (Only when surrogates are rejected.) A high surrogate escape with no `\u` after it.
        case loneHighSurrogate(UInt32)
        /// (Only when surrogates are rejected.) A high surrogate followed by an escape that
        /// is not a low surrogate; reported at that second escape.
        case unpairedHighSurrogate
        /// (Only when surrogates are rejected.) A low surrogate escape on its own.
        case loneLowSurrogate(UInt32)
        case expectedDigitAfterMinus
        /// A `0` followed by a digit; reported at the number's start, `digitAt` is the digit.
        case leadingZero(digitAt: Int)
        case expectedDigitAfterPoint
        case expectedDigitInExponent
        /// Too large for a Double; reported at the number's start.
        case numberOutOfRange(String)
    }

    public let kind: Kind
    /// The 0-based byte offset in the input.
    public let offset: Int

    @inlinable
    public init(_ kind: Kind, at offset: Int) {
        self.kind = kind
        self.offset = offset
    }
}
