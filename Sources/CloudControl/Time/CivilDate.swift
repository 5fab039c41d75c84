/// A UTC calendar date and time of day computed arithmetically from epoch seconds, so that
/// timestamps on the request path (the `Date` header, ISO 8601 event times) need no
/// formatter object, locale or time-zone database.
public struct CivilDate: Sendable, Equatable {
    public var year: Int
    public var month: Int
    public var day: Int
    public var hour: Int
    public var minute: Int
    public var second: Int
    /// Days since 1970-01-01 (negative before it); 1970-01-01 was a Thursday.
    public var daysSinceEpoch: Int

    /// The UTC date and time of `epochSeconds` (floored to the second).
    public init(epochSeconds: Int) {
        // Floor division, so that instants before 1970 fall on the previous day.
        let days = epochSeconds >= 0 ? epochSeconds / 86400 : (epochSeconds - 86399) / 86400
        let secondOfDay = epochSeconds - days * 86400
        (year, month, day) = Self.date(daysSinceEpoch: days)
        hour = secondOfDay / 3600
        minute = secondOfDay / 60 % 60
        second = secondOfDay % 60
        daysSinceEpoch = days
    }

    /// Year, month, day of a day count since 1970-01-01 in the proleptic Gregorian calendar
    /// (Howard Hinnant's `civil_from_days`: shift the epoch to 0000-03-01 so that the leap day
    /// ends each 400-year era's year, then split the era into years and a day of the year).
    public static func date(daysSinceEpoch: Int) -> (year: Int, month: Int, day: Int) {
        let shifted = daysSinceEpoch + 719_468
        let era = (shifted >= 0 ? shifted : shifted - 146_096) / 146_097
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }
}
