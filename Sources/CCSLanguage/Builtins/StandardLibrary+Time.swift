import Foundation

/// Dates and times: `format_time` and `parse_time`, strftime-style (CivilTime+Format.swift),
/// at UTC, a fixed offset or an IANA time zone.
extension StandardLibrary {
    static let timeBuiltins: [Builtin] = [
        Builtin("format_time", minArity: 1, maxArity: 3,
                doc: "format_time(t, fmt?, tz?): epoch seconds t as text, strftime-style (default ISO 8601 \"%Y-%m-%dT%H:%M:%SZ\" in UTC); tz is \"UTC\", an offset like \"+02:00\", \"local\" or a zone like \"Europe/Paris\".") { args, ctx in
            let epoch = try ctx.number(args, 0, "format_time")
            guard epoch.isFinite, Swift.abs(epoch) < 253_402_300_800 else {
                throw ScriptError(code: ErrorCode.valueError, message: "format_time: \(epoch) is outside years 0 to 9999")
            }
            let zone = args.count > 2 && !args[2].isNull ? try ctx.string(args, 2, "format_time") : "UTC"
            let (offset, name) = try zoneOffset(zone, at: epoch)
            let pattern = args.count > 1 && !args[1].isNull ? try ctx.string(args, 1, "format_time")
                : (offset == 0 ? "%Y-%m-%dT%H:%M:%SZ" : "%Y-%m-%dT%H:%M:%S%:z")
            do {
                return .string(try CivilTime(epoch: epoch, offset: offset, zoneName: name).format(pattern))
            } catch let invalid as CivilTime.Invalid {
                throw ScriptError(code: ErrorCode.valueError, message: "format_time: \(invalid.reason) in '\(pattern)'")
            }
        },
        Builtin("parse_time", minArity: 1, maxArity: 2,
                doc: "parse_time(s, fmt?): the epoch seconds of a timestamp: ISO 8601 / RFC 3339 by default, else as fmt (strftime directives) says; an int unless there are fractional seconds. Invalid dates (2024-02-30) are errors.") { args, ctx in
            let text = try ctx.string(args, 0, "parse_time")
            do {
                let time: CivilTime
                if args.count > 1 && !args[1].isNull {
                    time = try CivilTime.parse(text, try ctx.string(args, 1, "parse_time"))
                } else {
                    time = try parseISO(text)
                }
                let epoch = try time.epoch()
                return epoch.rounded() == epoch && Swift.abs(epoch) < 9e15 ? .int(Int(epoch)) : .double(epoch)
            } catch let invalid as CivilTime.Invalid {
                throw ScriptError(code: ErrorCode.valueError, message: "parse_time: \(invalid.reason) in '\(text)'")
            }
        },
    ]

    /// ISO 8601 / RFC 3339: a date, optionally `T` (or a space) and a time with optional
    /// seconds and fraction, optionally `Z` or an offset; no offset means UTC.
    static func parseISO(_ text: String) throws -> CivilTime {
        let s = text.trimmingCharacters(in: .whitespaces)
        let shape = "^[0-9]{4}-[0-9]{2}-[0-9]{2}([Tt ][0-9]{2}:[0-9]{2}(:[0-9]{2}(\\.[0-9]+)?)?([Zz]|[+-][0-9]{2}(:?[0-9]{2})?)?)?$"
        guard s.range(of: shape, options: .regularExpression) != nil else {
            throw CivilTime.Invalid("not an ISO 8601 timestamp (expected like 2024-01-31T12:00:00Z)")
        }
        if s.count == 10 { return try CivilTime.parse(s, "%Y-%m-%d") }
        var pattern = "%Y-%m-%d" + String(s[s.index(s.startIndex, offsetBy: 10)]) + "%H:%M"
        let rest = s.dropFirst(16)
        if rest.hasPrefix(":") { pattern += ":%S" }
        if rest.contains(".") { pattern += ".%f" }
        if rest.contains(where: { "Zz+-".contains($0) }) { pattern += "%z" }
        return try CivilTime.parse(s, pattern)
    }

    /// Seconds east of UTC and the zone's name for `%Z`, at the moment `epoch`.
    static func zoneOffset(_ zone: String, at epoch: Double) throws -> (Int, String) {
        switch zone.uppercased() {
        case "UTC", "Z", "GMT": return (0, "UTC")
        default: break
        }
        if let first = zone.first, first == "+" || first == "-" {
            var input = Array(zone)[...]
            if let offset = try? CivilTime.parseOffset(&input), input.isEmpty {
                return (offset, CivilTime.offsetText(offset, colon: true))
            }
            throw ScriptError(code: ErrorCode.valueError, message: "format_time: bad UTC offset '\(zone)' (expected like +02:00)")
        }
        let found = zone == "local" ? TimeZone.current : TimeZone(identifier: zone)
        guard let found else {
            throw ScriptError(code: ErrorCode.valueError,
                              message: "format_time: unknown time zone '\(zone)' (use \"UTC\", an offset like \"+02:00\", \"local\" or a name like \"Europe/Paris\")")
        }
        let date = Date(timeIntervalSince1970: epoch)
        return (found.secondsFromGMT(for: date), found.abbreviation(for: date) ?? found.identifier)
    }
}
