import Foundation
import ResourceSchemas

/// Compiles the ECMA-262 regular expressions found in registry schemas' `pattern` keywords
/// (JSON Schema §6.3.3 says patterns are ECMA-262) for ICU, which `NSRegularExpression` uses,
/// and caches them. Safe to use from several threads.
///
/// The two dialects differ in ways that matter for schema patterns:
/// - In ECMA-262 `$` matches only at the end of input; in ICU it also matches before a final
///   line terminator. An unescaped `$` outside a class becomes `\z`.
/// - In ECMA-262 `[` inside a class is a literal; ICU reads it as a nested set, so it is
///   escaped. `&&` and `--` inside a class are set operators in ICU and literals in ECMA, so
///   the second character is escaped.
/// - ECMA `[^]` (any character) and `[]` (nothing) have no ICU spelling; they become
///   `[\s\S]` and `(?!)`.
/// - `\d` and `\w` are ASCII-only in ECMA-262 (§22.2.2.9); ICU's are Unicode-aware, so they
///   are spelled out as ASCII classes.
public final class ECMARegex: @unchecked Sendable {
    private var cache: [String: NSRegularExpression] = [:]
    private let lock = NSLock()

    public init() {}

    /// True when `pattern` matches somewhere in `string` (JSON Schema patterns are unanchored).
    /// Throws `SchemaError` when the pattern cannot be compiled.
    public func matches(_ pattern: String, _ string: String) throws -> Bool {
        // The empty pattern matches every string; ICU refuses to compile it, and registry
        // schemas use it (AWS::Logs::LogGroup's LogGroupName has `"pattern": ""`).
        if pattern.isEmpty { return true }
        let regex = try compiled(pattern)
        let range = NSRange(string.startIndex..<string.endIndex, in: string)
        return regex.firstMatch(in: string, options: [], range: range) != nil
    }

    func compiled(_ pattern: String) throws -> NSRegularExpression {
        lock.lock()
        defer { lock.unlock() }
        if let cached = cache[pattern] { return cached }
        do {
            let regex = try NSRegularExpression(pattern: Self.translate(pattern), options: [])
            cache[pattern] = regex
            return regex
        } catch {
            throw SchemaError(source: "pattern", message: "cannot compile the ECMA-262 pattern \(pattern)")
        }
    }

    /// The ICU spelling of an ECMA-262 pattern.
    static func translate(_ pattern: String) -> String {
        let chars = Array(pattern)
        var out = ""
        var i = 0
        var inClass = false
        while i < chars.count {
            let c = chars[i]
            if c == "\\", i + 1 < chars.count {
                let n = chars[i + 1]
                switch n {
                case "d": out += inClass ? "0-9" : "[0-9]"
                case "D": out += inClass ? "\\D" : "[^0-9]"
                case "w": out += inClass ? "A-Za-z0-9_" : "[A-Za-z0-9_]"
                case "W": out += inClass ? "\\W" : "[^A-Za-z0-9_]"
                case "/": out += "/"
                // `\p{…}`/`\P{…}` Unicode properties (`^\P{C}*$`), which the service's Java
                // regexes and ICU both know: copied whole, braces included.
                case "p", "P":
                    if i + 2 < chars.count, chars[i + 2] == "{",
                        let close = chars[(i + 2)...].firstIndex(of: "}")
                    {
                        out += String(chars[i...close])
                        i = close + 1
                        continue
                    }
                    out.append(c); out.append(n)
                default: out.append(c); out.append(n)
                }
                i += 2
                // `[\w-.]`: a class escape cannot start a range, so ECMA (Annex B) reads the
                // `-` after it as a literal; ICU would see a range from the escape's last member.
                if inClass, "dDwWsS".contains(n), i < chars.count, chars[i] == "-" {
                    out += "\\-"
                    i += 1
                }
                continue
            }
            if inClass {
                switch c {
                case "]": inClass = false; out.append(c)
                case "[": out += "\\["
                case "&" where i + 1 < chars.count && chars[i + 1] == "&": out += "&\\&"; i += 1
                case "-" where i + 1 < chars.count && chars[i + 1] == "-": out += "-\\-"; i += 1
                default: out.append(c)
                }
                i += 1
                continue
            }
            switch c {
            case "[":
                if i + 1 < chars.count, chars[i + 1] == "]" {
                    out += "(?!)"
                    i += 2
                    continue
                }
                if i + 2 < chars.count, chars[i + 1] == "^", chars[i + 2] == "]" {
                    out += "[\\s\\S]"
                    i += 3
                    continue
                }
                inClass = true
                out.append(c)
                if i + 1 < chars.count, chars[i + 1] == "^" {
                    out.append("^")
                    i += 1
                }
            case "$": out += "\\z"
            // Annex B: a `{` that does not start a `{n}`, `{n,}` or `{n,m}` quantifier, and a
            // lone `}`, are literals (`\{config\-name}`); ICU refuses both unescaped.
            case "{":
                if let end = Self.quantifierEnd(chars, from: i) {
                    out += String(chars[i...end])
                    i = end + 1
                    continue
                }
                out += "\\{"
            case "}": out += "\\}"
            default: out.append(c)
            }
            i += 1
        }
        return out
    }

    /// The index of the `}` closing a quantifier `{n}`, `{n,}` or `{n,m}` that starts at
    /// `start`, or nil when the brace there is a literal.
    static func quantifierEnd(_ chars: [Character], from start: Int) -> Int? {
        var i = start + 1
        var digits = 0
        while i < chars.count, chars[i].isASCII, chars[i].isNumber { i += 1; digits += 1 }
        guard digits > 0, i < chars.count else { return nil }
        if chars[i] == "," {
            i += 1
            while i < chars.count, chars[i].isASCII, chars[i].isNumber { i += 1 }
        }
        return i < chars.count && chars[i] == "}" ? i : nil
    }
}
