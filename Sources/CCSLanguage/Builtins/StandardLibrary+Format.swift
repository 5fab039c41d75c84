import Foundation

/// `format`'s template language, Python's `str.format` mini-language as far as scripts need
/// it: `{}` takes the next argument, `{N}` the Nth (from 0), and a spec after `:` shapes it:
///
///     spec  -> [[fill] align] [sign] ['0'] [width] [',' | '_'] ['.' precision] [type]
///     align -> '<' left | '>' right | '^' centre        (numbers go right, others left)
///     sign  -> '+' always | '-' negatives only | ' ' a space for positives
///     type  -> 's' | 'd' | 'f' | 'e' | 'x' | 'X' | 'o' | 'b' | '%'
///
/// `0` pads a number with zeros after its sign; `,` and `_` group thousands; precision is
/// the digits after the point for `f`, `e` and `%`, and the most characters shown for
/// strings. Values without a type show as `print` shows them.
extension StandardLibrary {
    static func format(_ template: String, _ values: [Value], _ ctx: CallContext) throws -> String {
        var result = ""
        var next = 0
        var scalars = Array(template.unicodeScalars)[...]
        while let c = scalars.first {
            scalars = scalars.dropFirst()
            if c == "{" && scalars.first == "{" {
                result += "{"
                scalars = scalars.dropFirst()
            } else if c == "}" && scalars.first == "}" {
                result += "}"
                scalars = scalars.dropFirst()
            } else if c == "{" {
                guard let close = scalars.firstIndex(of: "}") else {
                    throw formatError("'{' without a matching '}'")
                }
                let inside = String(String.UnicodeScalarView(scalars[scalars.startIndex..<close]))
                scalars = scalars[(close + 1)...]
                let colon = inside.firstIndex(of: ":")
                let field = colon.map { String(inside[..<$0]) } ?? inside
                let spec = colon.map { String(inside[inside.index(after: $0)...]) } ?? ""
                let index: Int
                if field.isEmpty {
                    index = next
                    next += 1
                } else if let n = Int(field) {
                    index = n
                } else {
                    throw formatError("bad placeholder '{\(inside)}'")
                }
                guard index >= 0 && index < values.count else {
                    throw formatError("placeholder \(index) but only \(values.count) argument(s)")
                }
                let parsed = try FormatSpec(spec, placeholder: inside)
                result += try parsed.apply(values[index], display: { try ctx.interpreter.displayString($0) })
            } else if c == "}" {
                throw formatError("single '}' (write '}}')")
            } else {
                result.unicodeScalars.append(c)
            }
        }
        return result
    }

    static func formatError(_ message: String) -> ScriptError {
        ScriptError(code: ErrorCode.valueError, message: "format: " + message)
    }
}

/// One parsed `{:spec}`.
struct FormatSpec {
    var fill: Character = " "
    var align: Character?
    var sign: Character = "-"
    var zero = false
    var width = 0
    var grouping: Character?
    var precision: Int?
    var type: Character?
    let text: String

    init(_ spec: String, placeholder: String) throws {
        text = spec
        var chars = Array(spec)[...]
        func bad() -> ScriptError { StandardLibrary.formatError("bad format spec '\(spec)' in '{\(placeholder)}'") }
        if chars.count >= 2, "<>^".contains(chars[chars.startIndex + 1]) {
            fill = chars.removeFirst()
            align = chars.removeFirst()
        } else if let first = chars.first, "<>^".contains(first) {
            align = chars.removeFirst()
        }
        if let first = chars.first, "+- ".contains(first) { sign = chars.removeFirst() }
        if chars.first == "0" {
            zero = true
            chars.removeFirst()
        }
        var digits = ""
        while let d = chars.first, d.isASCII, d.isNumber { digits.append(chars.removeFirst()) }
        if !digits.isEmpty {
            guard let w = Int(digits), w <= 10_000 else { throw bad() }
            width = w
        }
        if let first = chars.first, first == "," || first == "_" { grouping = chars.removeFirst() }
        if chars.first == "." {
            chars.removeFirst()
            var places = ""
            while let d = chars.first, d.isASCII, d.isNumber { places.append(chars.removeFirst()) }
            guard let p = Int(places), p <= 100 else { throw bad() }
            precision = p
        }
        if let first = chars.first, "sdfexXob%".contains(first) { type = chars.removeFirst() }
        guard chars.isEmpty else { throw bad() }
    }

    func apply(_ value: Value, display: (Value) throws -> String) throws -> String {
        func wrong() -> ScriptError {
            StandardLibrary.formatError("format spec '\(text)' does not apply to \(value.withArticle)")
        }
        var body: String
        var negative = false
        let numeric: Bool
        switch (type, value) {
        case (nil, .int(let i)), ("d", .int(let i)):
            negative = i < 0
            body = group(String(i.magnitude))
            numeric = true
        case ("x", .int(let i)), ("X", .int(let i)), ("o", .int(let i)), ("b", .int(let i)):
            negative = i < 0
            body = String(i.magnitude, radix: type == "o" ? 8 : type == "b" ? 2 : 16, uppercase: type == "X")
            numeric = true
        case ("f", _), ("e", _), ("%", _), (nil, .double):
            guard var d = value.asDouble else { throw wrong() }
            if type == "%" { d *= 100 }
            negative = d < 0 || (d == 0 && d.sign == .minus)
            let magnitude = Swift.abs(d)
            if type == nil && precision == nil {
                body = group(try display(.double(magnitude)))
            } else if !magnitude.isFinite {
                body = magnitude.isNaN ? "nan" : "inf"
            } else if type == "e" {
                body = String(format: "%.\(precision ?? 6)e", magnitude)
            } else {
                body = group(String(format: "%.\(precision ?? 6)f", magnitude))
            }
            if type == "%" { body += "%" }
            numeric = true
        case (nil, _), ("s", _):
            guard grouping == nil, sign == "-", !zero else { throw wrong() }
            if type == "s", case .int = value { throw wrong() }
            body = try display(value)
            if let precision { body = String(body.prefix(precision)) }
            numeric = false
        default:
            throw wrong()
        }
        var signText = ""
        if numeric {
            if negative { signText = "-" } else if sign == "+" { signText = "+" } else if sign == " " { signText = " " }
        }
        let length = signText.count + body.count
        guard width > length else { return signText + body }
        let padding = width - length
        if numeric && zero && align == nil {
            return signText + String(repeating: "0", count: padding) + body
        }
        let filler = String(fill)
        switch align ?? (numeric ? ">" : "<") {
        case "<": return signText + body + String(repeating: filler, count: padding)
        case "^":
            let left = padding / 2
            return String(repeating: filler, count: left) + signText + body + String(repeating: filler, count: padding - left)
        default: return String(repeating: filler, count: padding) + signText + body
        }
    }

    /// Digits grouped by three with the spec's separator, before any decimal point.
    private func group(_ digits: String) -> String {
        guard let grouping, digits.allSatisfy({ $0.isNumber || $0 == "." }) else { return digits }
        let point = digits.firstIndex(of: ".") ?? digits.endIndex
        let whole = Array(digits[..<point])
        var out = ""
        for (i, d) in whole.enumerated() {
            if i > 0 && (whole.count - i) % 3 == 0 { out.append(grouping) }
            out.append(d)
        }
        return out + digits[point...]
    }
}
