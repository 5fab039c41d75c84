/// The one strict RFC 8259 parser, over UTF-8 bytes, building values through a `JSONBuilder`.
///
/// Strict: one value with optional whitespace around it; no comments, trailing commas,
/// leading zeros, `+`, bare control characters in strings or byte order mark; valid UTF-8
/// (RFC 3629 §4) and valid escapes only. Iterative, with explicit stacks for open containers,
/// so nesting is limited by `JSONReadOptions.maxDepth`, not by the thread's stack.
/// Everything is `@inlinable` so that each builder gets a specialised copy.
@usableFromInline
struct JSONReader<Builder: JSONBuilder> {
    @usableFromInline let bytes: UnsafeBufferPointer<UInt8>
    @usableFromInline let options: JSONReadOptions
    @usableFromInline var builder: Builder
    @usableFromInline var index = 0
    /// Reused for strings that contain escapes or non-ASCII bytes.
    @usableFromInline var scratch: [UInt8] = []

    /// An open array or object: where its elements start on the value stack (and, for
    /// objects, its keys on the key stack), and where it opened, for error messages.
    @usableFromInline
    struct Frame {
        @usableFromInline let isObject: Bool
        @usableFromInline let valueStart: Int
        @usableFromInline let keyStart: Int
        @usableFromInline let openedAt: Int

        @inlinable
        init(isObject: Bool, valueStart: Int, keyStart: Int, openedAt: Int) {
            self.isObject = isObject
            self.valueStart = valueStart
            self.keyStart = keyStart
            self.openedAt = openedAt
        }
    }

    @inlinable
    init(_ bytes: UnsafeBufferPointer<UInt8>, options: JSONReadOptions, builder: Builder) {
        self.bytes = bytes
        self.options = options
        self.builder = builder
    }

    @inlinable
    func issue(_ kind: JSONSyntaxIssue.Kind, at offset: Int? = nil) -> JSONSyntaxIssue {
        JSONSyntaxIssue(kind, at: offset ?? index)
    }

    /// ws = *( %x20 / %x09 / %x0A / %x0D )  (RFC 8259 §2)
    @inlinable @inline(__always)
    mutating func skipWhitespace() {
        while index < bytes.count {
            let byte = bytes[index]
            guard byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 else { return }
            index += 1
        }
    }

    /// JSON-text = ws value ws  (RFC 8259 §2)
    @inlinable
    mutating func parseDocument() throws -> Builder.Value {
        var values: [Builder.Value] = []
        var keys: [String] = []
        var frames: [Frame] = []
        values.reserveCapacity(16)

        parseValue: while true {
            skipWhitespace()
            guard index < bytes.count else { throw issue(.expectedValue(inContainer: !frames.isEmpty)) }
            switch bytes[index] {
            // object = begin-object [ member *( value-separator member ) ] end-object  (§4)
            case UInt8(ascii: "{"):
                guard frames.count < options.maxDepth else { throw issue(.tooDeep(limit: options.maxDepth)) }
                let openedAt = index
                index += 1
                skipWhitespace()
                if index < bytes.count && bytes[index] == UInt8(ascii: "}") {
                    index += 1
                    values.append(builder.object(keys: [], values: []))
                } else {
                    frames.append(
                        Frame(isObject: true, valueStart: values.count, keyStart: keys.count, openedAt: openedAt))
                    keys.append(try parseKey())
                    continue parseValue
                }
            // array = begin-array [ value *( value-separator value ) ] end-array  (§5)
            case UInt8(ascii: "["):
                guard frames.count < options.maxDepth else { throw issue(.tooDeep(limit: options.maxDepth)) }
                let openedAt = index
                index += 1
                skipWhitespace()
                if index < bytes.count && bytes[index] == UInt8(ascii: "]") {
                    index += 1
                    values.append(builder.array([]))
                } else {
                    frames.append(
                        Frame(isObject: false, valueStart: values.count, keyStart: keys.count, openedAt: openedAt))
                    continue parseValue
                }
            case UInt8(ascii: "\""):
                let text = try parseString()
                values.append(builder.string(text))
            case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                values.append(try parseNumber())
            case UInt8(ascii: "t"):
                try expectLiteral("true")
                values.append(builder.bool(true))
            case UInt8(ascii: "f"):
                try expectLiteral("false")
                values.append(builder.bool(false))
            case UInt8(ascii: "n"):
                try expectLiteral("null")
                values.append(builder.null())
            default:
                throw issue(.expectedValue(inContainer: !frames.isEmpty))
            }

            // A value is complete: close every container it completes, then either start the
            // next element or finish the document.
            while let frame = frames.last {
                skipWhitespace()
                guard index < bytes.count else {
                    throw issue(.expectedCommaOrClose(isObject: frame.isObject, openedAt: frame.openedAt))
                }
                let next = bytes[index]
                if next == UInt8(ascii: ",") {
                    index += 1
                    if frame.isObject {
                        skipWhitespace()
                        keys.append(try parseKey())
                    }
                    continue parseValue
                }
                if frame.isObject && next == UInt8(ascii: "}") {
                    index += 1
                    frames.removeLast()
                    let object = builder.object(keys: keys[frame.keyStart...], values: values[frame.valueStart...])
                    keys.removeSubrange(frame.keyStart...)
                    values.removeSubrange(frame.valueStart...)
                    values.append(object)
                } else if !frame.isObject && next == UInt8(ascii: "]") {
                    index += 1
                    frames.removeLast()
                    let array = builder.array(values[frame.valueStart...])
                    values.removeSubrange(frame.valueStart...)
                    values.append(array)
                } else {
                    throw issue(.expectedCommaOrClose(isObject: frame.isObject, openedAt: frame.openedAt))
                }
            }
            skipWhitespace()
            guard index == bytes.count else { throw issue(.trailingContent) }
            return values[0]
        }
    }

    /// member = string name-separator value; parses the key and the ':'  (RFC 8259 §4)
    @inlinable
    mutating func parseKey() throws -> String {
        guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else { throw issue(.expectedKey) }
        let key = try parseString()
        skipWhitespace()
        guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else { throw issue(.expectedColon) }
        index += 1
        return key
    }

    /// false / null / true  (RFC 8259 §3)
    @inlinable
    mutating func expectLiteral(_ literal: StaticString) throws {
        let start = index
        let count = literal.utf8CodeUnitCount
        let matches = literal.withUTF8Buffer { expected -> Bool in
            guard bytes.count - index >= count else { return false }
            for offset in 0..<count where bytes[index + offset] != expected[offset] { return false }
            return true
        }
        guard matches else { throw issue(.invalidLiteral(literal.description), at: start) }
        index += count
    }
}
