import Testing

@testable import CCSCloud

/// `create` of a model the schema refuses raises the service's ValidationException, and a
/// misspelt property gets the closest property name of the type (issues 11 and 13).
@Suite struct ValidationSuggestionTests {
    @Test func misspeltPropertyIsNamedWithTheClosestOne() throws {
        let h = try CloudHarness()
        let result = h.run(
            #"""
            try {
              create("AWS::SQS::Queue", {QueueNme: "q", VisibilityTimeout: 30})
            } catch e {
              print(e.code)
              print(e.message)
            }
            """#)
        #expect(result.errors == "")
        #expect(result.lines.first == "ValidationException")
        let message = result.lines.dropFirst().joined(separator: "\n")
        #expect(message.contains("extraneous key [QueueNme] is not permitted"))
        #expect(message.hasSuffix("(did you mean 'QueueName' for 'QueueNme'?)"))
    }

    @Test func noSuggestionForAKeyLikeNoProperty() throws {
        let schema = try #require(try CloudHarness().registry.schema(for: "AWS::SQS::Queue"))
        #expect(
            CloudSession.propertySuggestions(
                in: "Model validation failed (#: extraneous key [Zzzzzzzz] is not permitted)", schema: schema) == "")
        #expect(
            CloudSession.propertySuggestions(
                in: "Model validation failed (#: extraneous key [DelaySecond] is not permitted\n#: extraneous key [Tag] is not permitted)",
                schema: schema) == " (did you mean 'DelaySeconds' for 'DelaySecond'?) (did you mean 'Tags' for 'Tag'?)")
    }
}
