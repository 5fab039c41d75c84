import Foundation
import Testing

@testable import CCSLanguage

/// Locates the fixtures this target copies in (`resources: [.copy("Fixtures")]`).
enum JSONTestFixtures {
    static var root: URL? { Bundle.module.url(forResource: "Fixtures", withExtension: nil) }

    static func data(_ relativePath: String) throws -> Data {
        guard let root else { throw FixtureMissing(path: relativePath) }
        return try Data(contentsOf: root.appendingPathComponent(relativePath))
    }

    /// The file names of JSONTestSuite's test_parsing folder, sorted.
    static func parsingCases() -> [String] {
        guard let root,
            let names = try? FileManager.default.contentsOfDirectory(
                atPath: root.appendingPathComponent("jsontestsuite/test_parsing").path)
        else { return [] }
        return names.filter { $0.hasSuffix(".json") }.sorted()
    }

    struct FixtureMissing: Error { let path: String }
}

/// JSONTestSuite (Fixtures/jsontestsuite, MIT, see its LICENSE): every `y_` file must
/// decode, every `n_` file must be rejected, `i_` files may go either way but must not crash.
@Suite struct JSONCodecConformanceTests {
    @Test func allCasesArePresent() {
        #expect(JSONTestFixtures.parsingCases().count == 318)
    }

    @Test(arguments: JSONTestFixtures.parsingCases())
    func parsingCase(_ name: String) throws {
        let bytes = [UInt8](try JSONTestFixtures.data("jsontestsuite/test_parsing/" + name))
        let outcome = Result { try JSONCodec.decode(bytes) }
        if name.hasPrefix("y_") {
            let value = try outcome.get()
            // What was accepted must encode to JSON that decodes back to the same encoding.
            let encoded = JSONCodec.encode(value)
            #expect(JSONCodec.encode(try JSONCodec.decode(encoded)) == encoded)
        } else if name.hasPrefix("n_") {
            #expect(throws: JSONSyntaxError.self) { try outcome.get() }
        } else if case .failure(let error) = outcome {
            #expect(error is JSONSyntaxError)
        }
    }
}
