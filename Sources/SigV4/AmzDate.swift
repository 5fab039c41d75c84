import Foundation

/// The ISO 8601 basic-format timestamp SigV4 uses (`X-Amz-Date: 20150830T123600Z`) and its
/// date part (`20150830`) for the credential scope. Always UTC.
struct AmzDate: Equatable {
    /// `YYYYMMDD'T'HHMMSS'Z'`.
    let timestamp: String
    /// `YYYYMMDD`.
    var dateStamp: String { String(timestamp.prefix(8)) }
    let date: Date

    private static let calendar: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? TimeZone(secondsFromGMT: 0) ?? calendar.timeZone
        return calendar
    }()

    init(_ date: Date) {
        let parts = Self.calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        func pad(_ value: Int?, _ width: Int) -> String {
            let text = String(value ?? 0)
            return String(repeating: "0", count: max(0, width - text.count)) + text
        }
        timestamp =
            pad(parts.year, 4) + pad(parts.month, 2) + pad(parts.day, 2) + "T" + pad(parts.hour, 2)
            + pad(parts.minute, 2) + pad(parts.second, 2) + "Z"
        // Whole seconds: the header cannot carry more, and the verifier compares against it.
        self.date = Date(timeIntervalSince1970: date.timeIntervalSince1970.rounded(.down))
    }

    /// Parses `YYYYMMDD'T'HHMMSS'Z'`; `nil` for anything else.
    init?(parsing text: String) {
        let bytes = Array(text.utf8)
        guard bytes.count == 16, bytes[8] == UInt8(ascii: "T"), bytes[15] == UInt8(ascii: "Z") else {
            return nil
        }
        func number(_ range: Range<Int>) -> Int? {
            var value = 0
            for byte in bytes[range] {
                guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
                value = value * 10 + Int(byte - UInt8(ascii: "0"))
            }
            return value
        }
        guard let year = number(0..<4), let month = number(4..<6), let day = number(6..<8),
            let hour = number(9..<11), let minute = number(11..<13), let second = number(13..<15),
            (1...12).contains(month), (1...31).contains(day), hour < 24, minute < 60, second < 61
        else { return nil }
        let components = DateComponents(
            year: year, month: month, day: day, hour: hour, minute: minute, second: second)
        guard let date = Self.calendar.date(from: components) else { return nil }
        self.init(date)
        // Reject dates the calendar rolled over (e.g. 20150231), which would sign differently.
        guard timestamp == text else { return nil }
    }
}
