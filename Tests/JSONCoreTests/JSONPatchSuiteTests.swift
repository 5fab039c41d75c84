import JSONCore
import Testing

/// The JSON Patch test suite (json-patch/json-patch-tests): every non-disabled case of
/// tests.json and spec_tests.json, checking expected documents and expected failures.
@Suite struct JSONPatchSuiteTests {
    static let cases = Fixtures.patchCases("tests.json") + Fixtures.patchCases("spec_tests.json")

    @Test func fixturesArePresent() {
        // 95 - 3 disabled, 17 - 1 disabled.
        #expect(Fixtures.patchCases("tests.json").count == 92)
        #expect(Fixtures.patchCases("spec_tests.json").count == 16)
    }

    @Test(arguments: cases)
    func patchCase(_ c: Fixtures.PatchCase) throws {
        if let expectedError = c.error {
            let error = #expect(throws: JSONPatchError.self, "expected failure: \(expectedError)") {
                let patch = try JSONPatch(json: c.patch)
                _ = try patch.apply(to: c.doc)
            }
            #expect(error.map { !$0.message.isEmpty } ?? false)
            return
        }
        let patch = try JSONPatch(json: c.patch)
        let result = try patch.apply(to: c.doc)
        if let expected = c.expected {
            #expect(result == expected, "got \(result)")
        }
    }
}
