@testable import CloudControlServer
import Testing

/// The `Date` header's IMF-fixdate (RFC 9110 §5.6.7); expected values from Python's
/// `email.utils.formatdate(t, usegmt=True)`.
@Suite struct HTTPDateTests {
    @Test(arguments: [
        (0, "Thu, 01 Jan 1970 00:00:00 GMT"),
        (784_111_777, "Sun, 06 Nov 1994 08:49:37 GMT"),
        (951_782_400, "Tue, 29 Feb 2000 00:00:00 GMT"),
        (1_795_704_725, "Thu, 26 Nov 2026 14:52:05 GMT"),
        (4_102_444_799, "Thu, 31 Dec 2099 23:59:59 GMT"),
    ])
    func formatsIMFFixdate(epochSeconds: Int, expected: String) {
        #expect(HTTPDate.format(epochSeconds: epochSeconds) == expected)
    }
}
