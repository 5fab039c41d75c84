import JSONCore

/// Converts between JSON text (RFC 8259) and language values, over JSONCore's one parser
/// (`JSONParser.parse(_:options:into:)`) and one writer (`JSONTextOutput`).
///
/// Decoding is strict: anything RFC 8259 does not allow is rejected with a `JSONSyntaxError`
/// that names the problem and its line, column and byte offset. Choices where the RFC leaves
/// room (see docs/JSONPATH.md, "JSON values"):
/// - numbers without fraction or exponent that fit in `Int` become `.int`; all others become
///   `.double` (so `1.0` stays a double and `100000000000000000000` becomes `1e+20`);
///   `-0` becomes `.int(0)`; a number too large for a Double (`1e400`) is an error;
/// - duplicate object keys: the last value wins, at the position of the first occurrence;
/// - nesting deeper than `maxDepth` (1,000, as deep as `encode` and JSONPath's descendant
///   segment will recurse on any thread) is an error, never a stack overflow (the parser is
///   iterative);
/// - invalid UTF-8, a byte order mark, and `\u` escapes that form a lone surrogate are errors.
///
/// Encoding prints compact JSON by default (`{"a":1,"b":[true,null]}`) or, with `pretty`,
/// two-space indentation. Integers print exactly; doubles print in the shortest form that
/// reads back to the same Double and always with a fraction or exponent (`1.0`, `1e+20`), so
/// a decode–encode round trip keeps the int/double distinction. NaN and infinities are not
/// JSON and print as `null`. Non-JSON values print as strings: functions as `"<fn NAME>"`,
/// sequences as `"<sequence NAME>"`; host objects print as their `jsonValue()`. `encode` is
/// for showing a value: a container that contains itself prints as `"<cycle>"`, containers
/// nested deeper than `maxDepth` as `"<too deep>"`, and a host object whose `jsonValue()`
/// throws as `null`. `encodeExactly` is for data (`json()`, `write_file`): it writes exactly
/// the value or throws, so nothing is lost silently (issue 16, F9).
public enum JSONCodec {
    /// The deepest nesting of arrays and objects `decode` accepts.
    public static let maxDepth = 1_000

    /// The language's reading of the choices listed above.
    static let readOptions = JSONReadOptions(maxDepth: maxDepth, loneSurrogates: .reject, negativeZeroIsDouble: false)

    /// Decodes one JSON text (surrounding whitespace allowed) into a value.
    public static func decode(_ text: String) throws -> Value {
        var text = text
        return try text.withUTF8 { try decode($0) }
    }

    /// Decodes one JSON text from UTF-8 bytes.
    public static func decode(_ bytes: [UInt8]) throws -> Value {
        try bytes.withUnsafeBufferPointer { try decode($0) }
    }

    /// Decodes one JSON text from UTF-8 bytes in memory the caller owns (e.g. a mapped file).
    public static func decode(_ bytes: UnsafeRawBufferPointer) throws -> Value {
        try decode(bytes.bindMemory(to: UInt8.self))
    }

    /// Decodes one JSON text from UTF-8 bytes.
    public static func decode(_ bytes: UnsafeBufferPointer<UInt8>) throws -> Value {
        var builder = ValueJSONBuilder()
        do {
            return try JSONParser.parse(bytes, options: readOptions, into: &builder)
        } catch let issue as JSONSyntaxIssue {
            throw JSONSyntaxError(issue, in: bytes)
        }
    }

    /// Encodes a value as JSON text: compact on one line, or indented by two spaces.
    public static func encode(_ value: Value, pretty: Bool = false) -> String {
        var writer = ValueJSONWriter(pretty: pretty)
        writer.write(value)
        return writer.output.text
    }

    /// Encodes a value as JSON text or throws a `ScriptError` (`ValueError`) for a cycle or
    /// nesting deeper than `maxDepth`, naming the value as `what`; a host object's error from
    /// `jsonValue()` is rethrown.
    public static func encodeExactly(_ value: Value, pretty: Bool = false, what: String) throws -> String {
        var writer = ValueJSONWriter(pretty: pretty, exact: true, what: what)
        writer.write(value)
        if let failure = writer.failure { throw failure }
        return writer.output.text
    }
}
