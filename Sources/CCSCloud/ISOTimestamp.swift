import CloudControl
import Foundation

/// Formats instants as ISO 8601 / RFC 3339 UTC strings (`2026-11-26T14:50:39Z`, with
/// milliseconds when the instant has a fraction: `2026-11-26T14:50:39.250Z`), from
/// CloudControl's `CivilDate` so that no shared formatter object is needed.
enum ISOTimestamp {
    static func string(_ date: Date) -> String {
        let interval = date.timeIntervalSince1970
        var seconds = Int(interval.rounded(.down))
        var millis = Int(((interval - Double(seconds)) * 1000).rounded())
        if millis == 1000 {
            seconds += 1
            millis = 0
        }
        let civil = CivilDate(epochSeconds: seconds)
        var text = "\(pad(civil.year, 4))-\(pad(civil.month, 2))-\(pad(civil.day, 2))T"
        text += "\(pad(civil.hour, 2)):\(pad(civil.minute, 2)):\(pad(civil.second, 2))"
        if millis != 0 { text += ".\(pad(millis, 3))" }
        return text + "Z"
    }

    private static func pad(_ n: Int, _ width: Int) -> String {
        let digits = String(n)
        return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
    }
}
