import Foundation
import JSONCore

// `ccs api` prints responses as the AWS CLI v1 does with `cli_timestamp_format = iso8601`:
// awscli/customizations/scalarparse.py turns each timestamp into
// `botocore.utils.parse_timestamp(value).isoformat()`, a datetime in the local time zone
// (`tzlocal()`), and awscli/formatter.py writes the response with
// `json.dumps(..., indent=4, ensure_ascii=False)`.

extension CloudControlWire {
    /// The output as indented JSON with ISO 8601 timestamps, members in model order.
    public static func renderForCLI<Output: CloudControlOutput>(
        _ output: Output, timeZone: TimeZone = .current
    ) throws -> String {
        JSONWriter(style: .indented(spaces: 4)).string(try documentForCLI(output, timeZone: timeZone))
    }

    /// The document `renderForCLI` writes: members in model order, ISO 8601 timestamps (for
    /// `ccs api --query`, `--output` and `--properties`, which work on it before writing).
    public static func documentForCLI<Output: CloudControlOutput>(
        _ output: Output, timeZone: TimeZone = .current
    ) throws -> JSONValue {
        let encoder = WireEncoder(dateEncoding: { .string(isoTimestamp($0, timeZone: timeZone)) })
        return try encoder.encode(output)
    }

    /// Python's `datetime.isoformat()` of an aware datetime: `2021-11-15T09:30:00+00:00`, with
    /// `.ffffff` microseconds only when they are not zero. Like `datetime.fromtimestamp`, the
    /// fraction is rounded half-to-even to whole microseconds.
    public static func isoTimestamp(_ date: Date, timeZone: TimeZone) -> String {
        let epoch = date.timeIntervalSince1970
        var seconds = epoch.rounded(.down)
        var micros = ((epoch - seconds) * 1_000_000).rounded(.toNearestOrEven)
        if micros >= 1_000_000 {
            seconds += 1
            micros -= 1_000_000
        }
        let whole = Date(timeIntervalSince1970: seconds)
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: whole)
        func pad(_ value: Int?, _ width: Int) -> String {
            let text = String(value ?? 0)
            return String(repeating: "0", count: max(0, width - text.count)) + text
        }
        var text = "\(pad(parts.year, 4))-\(pad(parts.month, 2))-\(pad(parts.day, 2))"
        text += "T\(pad(parts.hour, 2)):\(pad(parts.minute, 2)):\(pad(parts.second, 2))"
        if micros > 0 { text += "." + pad(Int(micros), 6) }
        let offset = timeZone.secondsFromGMT(for: whole)
        let sign = offset < 0 ? "-" : "+"
        let magnitude = abs(offset)
        text += "\(sign)\(pad(magnitude / 3600, 2)):\(pad(magnitude % 3600 / 60, 2))"
        if magnitude % 60 != 0 { text += ":\(pad(magnitude % 60, 2))" }
        return text
    }

    /// Decodes the JSON input of the API reference for `ccs api OPERATION '{...}'`: unknown
    /// members (with the closest known name), wrong types, missing required members and
    /// malformed JSON all throw `WireInputError`.
    public static func decodeCLIInput<Input: CloudControlInput>(_ type: Input.Type, json: String) throws
        -> Input
    {
        let text = json.trimmingCharacters(in: .whitespacesAndNewlines)
        return try decodeInput(
            type, body: Array((text.isEmpty ? "{}" : text).utf8), strictMembers: Input.wireMembers)
    }
}
