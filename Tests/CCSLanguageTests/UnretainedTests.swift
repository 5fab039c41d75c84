import Testing

@testable import CCSLanguage

/// The DEBUG build of `Unretained` (what `swift test` runs) must turn a broken lifetime
/// invariant into a failure rather than a read of freed memory.
@Suite struct UnretainedTests {
    final class Referent {
        let value: Int
        init(_ value: Int) { self.value = value }
    }

    @Test func readsTheReferentWhileItsOwnerHoldsIt() {
        let owner = Referent(7)
        let reference = Unretained(owner)
        #expect(reference.with { $0.value } == 7)
        #expect(reference.object === owner)
        withExtendedLifetime(owner) {}
    }

    @Test func borrowsArrayElementsInPlace() {
        let owners = [Referent(1), Referent(2), Referent(3)]
        #expect(owners.indices.map { i in owners.withElement(i) { $0.value } } == [1, 2, 3])
    }

    #if DEBUG
    @Test func readingAfterTheOwnerLetGoStopsTheProcess() async {
        await #expect(processExitsWith: .failure) {
            var owner: Referent? = Referent(1)
            let reference = Unretained(owner!)
            owner = nil
            _ = reference.with { $0.value }
        }
    }
    #endif
}
