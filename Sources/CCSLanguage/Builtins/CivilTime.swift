import Foundation

/// A moment as a calendar date and wall-clock time at a UTC offset, and the strftime-style
/// directives `format_time` and `parse_time` use. Pure arithmetic on the proleptic Gregorian
/// calendar (Howard Hinnant's days-from-civil algorithm: 400-year eras of 146,097 days,
/// years starting on March 1st so that the leap day comes last), so no date is ever
/// silently "corrected": 2024-02-30 is an error, not March 1st.
struct CivilTime {
    var year = 1970, month = 1, day = 1
    var hour = 0, minute = 0, second = 0
    /// Fractional seconds, 0 ..< 1.
    var fraction = 0.0
    /// Seconds east of UTC.
    var offset = 0
    /// What `%Z` prints.
    var zoneName = "UTC"

    static let monthNames = ["January", "February", "March", "April", "May", "June", "July", "August",
                             "September", "October", "November", "December"]
    static let dayNames = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]

    static func isLeap(_ y: Int) -> Bool { y % 4 == 0 && (y % 100 != 0 || y % 400 == 0) }

    static func daysIn(_ y: Int, _ m: Int) -> Int {
        [31, isLeap(y) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1]
    }

    /// Days since 1970-01-01.
    static func days(_ y: Int, _ m: Int, _ d: Int) -> Int {
        let y = m <= 2 ? y - 1 : y
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    static func civil(_ days: Int) -> (Int, Int, Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp + (mp < 10 ? 3 : -9)
        return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }

    /// The moment `epoch` (seconds since 1970, UTC) seen at `offset` seconds east of UTC.
    init(epoch: Double, offset: Int, zoneName: String) {
        let whole = (epoch + Double(offset)).rounded(.down)
        fraction = epoch + Double(offset) - whole
        let total = Int(whole)
        let dayCount = total >= 0 ? total / 86400 : (total - 86399) / 86400
        let rest = total - dayCount * 86400
        (year, month, day) = Self.civil(dayCount)
        hour = rest / 3600
        minute = rest % 3600 / 60
        second = rest % 60
        self.offset = offset
        self.zoneName = zoneName
    }

    init() {}

    /// Seconds since 1970 (UTC); nil after checking the fields names the first out of range.
    func epoch() throws -> Double {
        guard (1...12).contains(month) else { throw CivilTime.Invalid("month \(month) out of range") }
        guard (1...Self.daysIn(year, month)).contains(day) else {
            throw CivilTime.Invalid("day \(day) out of range for \(Self.pad(year, 4))-\(Self.pad(month, 2))")
        }
        guard (0...23).contains(hour) else { throw CivilTime.Invalid("hour \(hour) out of range") }
        guard (0...59).contains(minute) else { throw CivilTime.Invalid("minute \(minute) out of range") }
        guard (0...59).contains(second) else { throw CivilTime.Invalid("second \(second) out of range") }
        let seconds = Self.days(year, month, day) * 86400 + hour * 3600 + minute * 60 + second - offset
        return Double(seconds) + fraction
    }

    /// Monday is 0.
    var weekday: Int { ((Self.days(year, month, day) % 7) + 7 + 3) % 7 }
    var dayOfYear: Int { Self.days(year, month, day) - Self.days(year, 1, 1) + 1 }

    static func pad(_ n: Int, _ width: Int, _ fill: Character = "0") -> String {
        let digits = String(n.magnitude)
        return (n < 0 ? "-" : "") + String(repeating: fill, count: Swift.max(0, width - digits.count)) + digits
    }

    /// "+0200", or with `colon` "+02:00".
    static func offsetText(_ offset: Int, colon: Bool) -> String {
        let sign = offset < 0 ? "-" : "+"
        let magnitude = Swift.abs(offset)
        return sign + pad(magnitude / 3600, 2) + (colon ? ":" : "") + pad(magnitude % 3600 / 60, 2)
    }

    /// A field out of range, or text that does not fit the format.
    struct Invalid: Error {
        let reason: String
        init(_ reason: String) { self.reason = reason }
    }
}
