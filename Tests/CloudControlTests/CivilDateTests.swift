import Testing

@testable import CloudControl

/// The arithmetic calendar behind the `Date` header and ISO 8601 event times, checked against
/// dates worked out by hand (leap rules of 1900, 2000 and 2024, and instants before 1970).
@Suite struct CivilDateTests {
    @Test(arguments: [
        (0, 1970, 1, 1, 0, 0, 0),
        (-1, 1969, 12, 31, 23, 59, 59),
        (951_782_400, 2000, 2, 29, 0, 0, 0),
        (1_709_208_000, 2024, 2, 29, 12, 0, 0),
        (1_709_251_199, 2024, 2, 29, 23, 59, 59),
        (-2_203_891_200, 1900, 3, 1, 0, 0, 0),
        (4_107_542_399, 2100, 2, 28, 23, 59, 59),
    ])
    func epochSecondsBecomeTheGregorianDate(
        _ epoch: Int, _ year: Int, _ month: Int, _ day: Int, _ hour: Int, _ minute: Int, _ second: Int
    ) {
        let civil = CivilDate(epochSeconds: epoch)
        #expect(
            [civil.year, civil.month, civil.day, civil.hour, civil.minute, civil.second]
                == [year, month, day, hour, minute, second])
    }

    @Test func daysBeforeTheEpochAreFloored() {
        #expect(CivilDate(epochSeconds: -86400).daysSinceEpoch == -1)
        #expect(CivilDate(epochSeconds: -86401).daysSinceEpoch == -2)
        #expect(CivilDate(epochSeconds: 86399).daysSinceEpoch == 0)
    }
}
