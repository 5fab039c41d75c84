/// A JSON Pointer (RFC 6901): a sequence of reference tokens, written `/a/b~1c/0`.
public struct JSONPointer: Sendable, Hashable, CustomStringConvertible {
    /// The unescaped reference tokens; empty for the whole document.
    public var tokens: [String]

    /// The pointer to the whole document (`""`).
    public static let root = JSONPointer(tokens: [])

    public init(tokens: [String]) {
        self.tokens = tokens
    }

    /// Parses the string form. A non-empty pointer must start with `/` (§3), and `~` must be
    /// followed by `0` (for `~`) or `1` (for `/`) (§4).
    public init(_ text: String) throws {
        if text.isEmpty { self.tokens = []; return }
        guard text.hasPrefix("/") else {
            throw JSONPointerError(pointer: text, message: "a JSON Pointer must be empty or start with '/'")
        }
        var tokens: [String] = []
        for raw in text.dropFirst().split(separator: "/", omittingEmptySubsequences: false) {
            tokens.append(try Self.unescape(String(raw), in: text))
        }
        self.tokens = tokens
    }

    /// The string form, with `~` and `/` escaped.
    public var description: String {
        var out = ""
        for token in tokens {
            out.append("/")
            for c in token {
                switch c {
                case "~": out.append("~0")
                case "/": out.append("~1")
                default: out.append(c)
                }
            }
        }
        return out
    }

    /// The parent pointer, or nil for the root.
    public var parent: JSONPointer? {
        tokens.isEmpty ? nil : JSONPointer(tokens: Array(tokens.dropLast()))
    }

    /// This pointer extended by one token.
    public func appending(_ token: String) -> JSONPointer {
        JSONPointer(tokens: tokens + [token])
    }

    /// True when `self` equals `other` or lies inside it.
    public func hasPrefix(_ other: JSONPointer) -> Bool {
        tokens.count >= other.tokens.count && Array(tokens.prefix(other.tokens.count)) == other.tokens
    }

    /// The array index a token denotes (§4): `0` or digits without a leading zero. `-` is
    /// handled by callers because its meaning depends on the operation.
    public static func arrayIndex(_ token: String) -> Int? {
        guard !token.isEmpty, token.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else { return nil }
        if token.count > 1 && token.hasPrefix("0") { return nil }
        return Int(token)
    }

    /// The value this pointer references in `document`, or nil if any step is missing.
    public func resolve(in document: JSONValue) -> JSONValue? {
        var current = document
        for token in tokens {
            switch current {
            case .object(let o):
                guard let next = o[token] else { return nil }
                current = next
            case .array(let a):
                guard let i = Self.arrayIndex(token), i < a.count else { return nil }
                current = a[i]
            default:
                return nil
            }
        }
        return current
    }

    private static func unescape(_ token: String, in text: String) throws -> String {
        guard token.contains("~") else { return token }
        var out = ""
        var iterator = token.makeIterator()
        while let c = iterator.next() {
            guard c == "~" else { out.append(c); continue }
            switch iterator.next() {
            case "0": out.append("~")
            case "1": out.append("/")
            default: throw JSONPointerError(pointer: text, message: "'~' must be followed by '0' or '1'")
            }
        }
        return out
    }
}
