import Foundation

/// strftime-style formatting and parsing. Directives: %Y year, %m month, %d day, %e day
/// padded with a space, %H %I hour (24, 12), %M minute, %S second, %f microseconds, %p AM/PM,
/// %y two-digit year, %j day of the year, %a %A weekday, %b %B month name, %u weekday
/// (Monday 1), %w weekday (Sunday 0), %z offset (+0200), %:z (+02:00), %Z zone name, %s epoch
/// seconds, %F (%Y-%m-%d), %T (%H:%M:%S), %% a percent sign.
extension CivilTime {
    func format(_ pattern: String) throws -> String {
        var out = ""
        var chars = Array(pattern)[...]
        while let c = chars.popFirst() {
            guard c == "%" else {
                out.append(c)
                continue
            }
            guard var d = chars.popFirst() else { throw Invalid("'%' at the end of the format") }
            var colon = false
            if d == ":" {
                guard chars.first == "z" else { throw Invalid("unknown directive '%:'") }
                colon = true
                d = chars.removeFirst()
            }
            switch d {
            case "Y": out += Self.pad(year, 4)
            case "m": out += Self.pad(month, 2)
            case "d": out += Self.pad(day, 2)
            case "e": out += Self.pad(day, 2, " ")
            case "H": out += Self.pad(hour, 2)
            case "I": out += Self.pad(hour % 12 == 0 ? 12 : hour % 12, 2)
            case "M": out += Self.pad(minute, 2)
            case "S": out += Self.pad(second, 2)
            case "f": out += Self.pad(Swift.min(999_999, Int((fraction * 1_000_000).rounded(.down))), 6)
            case "p": out += hour < 12 ? "AM" : "PM"
            case "y": out += Self.pad(((year % 100) + 100) % 100, 2)
            case "j": out += Self.pad(dayOfYear, 3)
            case "a": out += String(Self.dayNames[weekday].prefix(3))
            case "A": out += Self.dayNames[weekday]
            case "b": out += String(Self.monthNames[month - 1].prefix(3))
            case "B": out += Self.monthNames[month - 1]
            case "u": out += String(weekday + 1)
            case "w": out += String((weekday + 1) % 7)
            case "z": out += Self.offsetText(offset, colon: colon)
            case "Z": out += zoneName
            case "s": out += String(Int((try epoch()).rounded(.down)))
            case "F": out += try format("%Y-%m-%d")
            case "T": out += try format("%H:%M:%S")
            case "%": out += "%"
            default: throw Invalid("unknown directive '%\(d)'")
            }
        }
        return out
    }

    /// The moment `text` denotes in `pattern`. Fields not in the pattern are those of
    /// 1970-01-01T00:00:00Z; a space in the pattern matches any run of white space.
    static func parse(_ text: String, _ pattern: String) throws -> CivilTime {
        var time = CivilTime()
        var input = Array(text)[...]
        var chars = Array(pattern)[...]
        var pm: Bool?
        var epochSeconds: Int?
        func number(_ most: Int, _ what: String) throws -> Int {
            var digits = ""
            if what == "epoch", input.first == "-" { digits.append(input.removeFirst()) }
            while digits.count < most, let c = input.first, c.isASCII, c.isNumber { digits.append(input.removeFirst()) }
            guard let n = Int(digits) else { throw Invalid("\(what) expected at '\(String(input.prefix(12)))'") }
            return n
        }
        func name(_ names: [String], _ what: String) throws -> Int {
            for (i, full) in names.enumerated() {
                for candidate in [full, String(full.prefix(3))] where input.count >= candidate.count {
                    if String(input.prefix(candidate.count)).lowercased() == candidate.lowercased() {
                        input.removeFirst(candidate.count)
                        return i
                    }
                }
            }
            throw Invalid("\(what) name expected at '\(String(input.prefix(12)))'")
        }
        while let c = chars.popFirst() {
            if c == " " {
                while input.first?.isWhitespace == true { input.removeFirst() }
                continue
            }
            guard c == "%" else {
                guard input.first == c else { throw Invalid("'\(c)' expected at '\(String(input.prefix(12)))'") }
                input.removeFirst()
                continue
            }
            guard var d = chars.popFirst() else { throw Invalid("'%' at the end of the format") }
            if d == ":" , chars.first == "z" { d = chars.removeFirst() }
            switch d {
            case "Y": time.year = try number(4, "year")
            case "m": time.month = try number(2, "month")
            case "d", "e":
                while input.first == " " { input.removeFirst() }
                time.day = try number(2, "day")
            case "H": time.hour = try number(2, "hour")
            case "I": time.hour = try number(2, "hour") % 12
            case "M": time.minute = try number(2, "minute")
            case "S": time.second = try number(2, "second")
            case "f":
                var digits = ""
                while digits.count < 9, let c = input.first, c.isASCII, c.isNumber { digits.append(input.removeFirst()) }
                guard let fraction = Double("0." + digits), !digits.isEmpty else { throw Invalid("fraction expected") }
                time.fraction = fraction
            case "p":
                let word = String(input.prefix(2)).uppercased()
                guard word == "AM" || word == "PM" else { throw Invalid("AM or PM expected at '\(String(input.prefix(12)))'") }
                input.removeFirst(2)
                pm = word == "PM"
            case "y":
                let y = try number(2, "year")
                time.year = y < 69 ? 2000 + y : 1900 + y
            case "b", "B": time.month = try name(monthNames, "month") + 1
            case "a", "A": _ = try name(dayNames, "weekday")
            case "z": time.offset = try parseOffset(&input)
            case "Z":
                for zone in ["UTC", "GMT", "Z"] where String(input.prefix(zone.count)).uppercased() == zone {
                    input.removeFirst(zone.count)
                    break
                }
            case "s": epochSeconds = try number(20, "epoch")
            case "F": chars = ArraySlice(Array("%Y-%m-%d") + chars)
            case "T": chars = ArraySlice(Array("%H:%M:%S") + chars)
            case "%":
                guard input.first == "%" else { throw Invalid("'%' expected") }
                input.removeFirst()
            default: throw Invalid("unknown directive '%\(d)'")
            }
        }
        guard input.isEmpty else { throw Invalid("unexpected '\(String(input.prefix(12)))' after the format") }
        if let pm { time.hour += pm ? 12 : 0 }
        if let epochSeconds {
            // Years 0 to 9999, as everywhere else (and no Int overflow on the way).
            guard Swift.abs(epochSeconds) < 253_402_300_800 else { throw Invalid("epoch \(epochSeconds) is outside years 0 to 9999") }
            return CivilTime(epoch: Double(epochSeconds), offset: 0, zoneName: "UTC")
        }
        return time
    }

    /// `Z`, `±HH:MM`, `±HHMM` or `±HH`, as seconds east of UTC.
    static func parseOffset(_ input: inout ArraySlice<Character>) throws -> Int {
        if let c = input.first, c == "Z" || c == "z" {
            input.removeFirst()
            return 0
        }
        guard let sign = input.first, sign == "+" || sign == "-" else {
            throw Invalid("UTC offset expected at '\(String(input.prefix(12)))'")
        }
        input.removeFirst()
        var digits = ""
        while digits.count < 4, let c = input.first {
            if c == ":" && digits.count == 2 {
                input.removeFirst()
                continue
            }
            guard c.isASCII, c.isNumber else { break }
            digits.append(input.removeFirst())
        }
        guard digits.count == 2 || digits.count == 4, let hours = Int(digits.prefix(2)),
              let minutes = Int(digits.count == 4 ? digits.suffix(2) : "00"), hours <= 23, minutes <= 59 else {
            throw Invalid("bad UTC offset")
        }
        return (sign == "-" ? -1 : 1) * (hours * 3600 + minutes * 60)
    }
}
