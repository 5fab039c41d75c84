/// The `JSONValue` front end of the one JSON parser (`JSONReader`), and the entry point for
/// any other document model (`parse(_:options:into:)`).
///
/// `JSONValue` reading: a lone surrogate escape (`\uD800`) is replaced by U+FFFD, since a Swift
/// `String` cannot hold it (RFC 8259 §8.2 leaves this case to implementations), unless the
/// caller asks for `.reject` (the emulator does for what clients send); `-0` is the
/// double `-0.0`; duplicate member names keep the last value, at the first one's position (§4
/// leaves this open too); nesting deeper than `maxDepth` is refused.
public enum JSONParser {
    /// The default nesting limit for arrays and objects.
    public static let defaultMaxDepth = 512

    /// Parses one JSON text from UTF-8 bytes.
    public static func parse<Bytes: Collection>(
        _ input: Bytes, maxDepth: Int = defaultMaxDepth, loneSurrogates: JSONReadOptions.LoneSurrogates = .replace
    ) throws -> JSONValue
    where Bytes.Element == UInt8 {
        if let parsed = try input.withContiguousStorageIfAvailable({
            try parse(buffer: $0, maxDepth: maxDepth, loneSurrogates: loneSurrogates)
        }) {
            return parsed
        }
        return try Array(input).withUnsafeBufferPointer {
            try parse(buffer: $0, maxDepth: maxDepth, loneSurrogates: loneSurrogates)
        }
    }

    /// Parses one JSON text from a string.
    public static func parse(
        _ text: String, maxDepth: Int = defaultMaxDepth, loneSurrogates: JSONReadOptions.LoneSurrogates = .replace
    ) throws -> JSONValue {
        var text = text
        return try text.withUTF8 { try parse(buffer: $0, maxDepth: maxDepth, loneSurrogates: loneSurrogates) }
    }

    private static func parse(
        buffer: UnsafeBufferPointer<UInt8>, maxDepth: Int, loneSurrogates: JSONReadOptions.LoneSurrogates
    ) throws -> JSONValue {
        let options = JSONReadOptions(maxDepth: maxDepth, loneSurrogates: loneSurrogates, negativeZeroIsDouble: true)
        var builder = JSONValueBuilder()
        do {
            return try parse(buffer, options: options, into: &builder)
        } catch let issue as JSONSyntaxIssue {
            throw JSONParseError(issue, in: buffer)
        }
    }

    /// Parses one JSON text into any document model. Throws `JSONSyntaxIssue`, which the
    /// caller words (see `JSONParseError.init(_:in:)` for this module's wording).
    @inlinable
    public static func parse<Builder: JSONBuilder>(
        _ bytes: UnsafeBufferPointer<UInt8>, options: JSONReadOptions, into builder: inout Builder
    ) throws -> Builder.Value {
        var reader = JSONReader(bytes, options: options, builder: builder)
        defer { builder = reader.builder }
        return try reader.parseDocument()
    }
}
