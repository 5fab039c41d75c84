import JSONCore
import Testing

/// JSONTestSuite (nst/JSONTestSuite): every `y_` file must parse, every `n_` file must be
/// rejected, and `i_` files (implementation-defined) must not crash either way.
@Suite struct JSONTestSuiteTests {
    @Test func fixturesArePresent() {
        #expect(Fixtures.parsingCases(prefix: "y_").count == 95)
        #expect(Fixtures.parsingCases(prefix: "n_").count == 188)
    }

    @Test(arguments: Fixtures.parsingCases(prefix: "y_"))
    func accepts(_ name: String) throws {
        let bytes = try Fixtures.parsingCase(name)
        let value = try JSONParser.parse(bytes)
        // A parsed document written out must read back equal.
        let again = try JSONParser.parse(JSONWriter().bytes(value))
        #expect(again == value)
    }

    @Test(arguments: Fixtures.parsingCases(prefix: "n_"))
    func rejects(_ name: String) throws {
        let bytes = try Fixtures.parsingCase(name)
        #expect(throws: JSONParseError.self) { try JSONParser.parse(bytes) }
    }

    @Test(arguments: Fixtures.parsingCases(prefix: "i_"))
    func implementationDefinedDoesNotCrash(_ name: String) throws {
        let bytes = try Fixtures.parsingCase(name)
        do {
            let value = try JSONParser.parse(bytes)
            #expect(try JSONParser.parse(JSONWriter().bytes(value)) == value)
        } catch let e as JSONParseError {
            #expect(!e.message.isEmpty)
        }
    }
}
