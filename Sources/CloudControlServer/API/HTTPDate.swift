import CloudControl

/// The IMF-fixdate form of a time for the `Date` response header (RFC 9110 §5.6.7), e.g.
/// `Sun, 06 Nov 1994 08:49:37 GMT`, computed arithmetically (CloudControl's `CivilDate`) so
/// that no formatter or locale is involved on the request path.
enum HTTPDate {
    private static let weekdays = ["Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed"]  // 1970-01-01 was a Thursday
    private static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    static func format(epochSeconds: Int) -> String {
        let civil = CivilDate(epochSeconds: epochSeconds)
        let weekday = weekdays[((civil.daysSinceEpoch % 7) + 7) % 7]
        return "\(weekday), \(pad(civil.day)) \(months[civil.month - 1]) \(civil.year) "
            + "\(pad(civil.hour)):\(pad(civil.minute)):\(pad(civil.second)) GMT"
    }

    private static func pad(_ value: Int) -> String {
        value < 10 ? "0\(value)" : "\(value)"
    }
}
