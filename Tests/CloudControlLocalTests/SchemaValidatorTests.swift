import JSONCore
import Testing

@testable import CloudControlLocal

@Suite struct SchemaValidatorTests {
    let validator = SchemaValidator()

    func issues(_ value: String, _ schema: String) throws -> [String] {
        let s = try Support.json(schema)
        return validator.validate(try Support.json(value), subschema: s, root: s).map(\.description)
    }

    @Test func types() throws {
        #expect(
            try issues(
                #"{"Tags":[{"Key":1}]}"#,
                #"{"properties":{"Tags":{"type":"array","items":{"type":"object","properties":{"Key":{"type":"string"}}}}}}"#
            )
                == ["#/Tags/0/Key: expected string, got integer"])
        #expect(try issues("1.5", #"{"type":"integer"}"#) == ["#: expected integer, got number"])
        #expect(try issues("2.0", #"{"type":"integer"}"#).isEmpty)
        #expect(try issues(#""x""#, #"{"type":["object","string"]}"#).isEmpty)
        #expect(
            try issues("null", #"{"type":["object","string"]}"#) == ["#: expected object or string, got null"]
        )
    }

    @Test func requiredAndAdditionalProperties() throws {
        let schema =
            #"{"type":"object","properties":{"A":{"type":"string"}},"required":["A"],"additionalProperties":false}"#
        #expect(
            try issues(#"{"B":1}"#, schema) == [
                "#: required key [A] not found",
                "#: extraneous key [B] is not permitted",
            ])
        #expect(try issues(#"{"A":"x"}"#, schema).isEmpty)
    }

    @Test func enumAndConst() throws {
        #expect(
            try issues(#""GLACIER""#, #"{"enum":["STANDARD","IA"]}"#) == [
                #"#: "GLACIER" is not one of the allowed values ["STANDARD", "IA"]"#
            ])
        #expect(try issues("3", #"{"const":4}"#) == ["#: must be 4, got 3"])
        #expect(try issues("4.0", #"{"const":4}"#).isEmpty)
    }

    @Test func stringRules() throws {
        #expect(
            try issues(#""ab""#, #"{"minLength":3}"#) == ["#: string is 2 characters long, the minimum is 3"])
        #expect(
            try issues(#""abcd""#, #"{"maxLength":3}"#) == [
                "#: string is 4 characters long, the maximum is 3"
            ])
        #expect(try issues(#""ééé""#, #"{"maxLength":3}"#).isEmpty)
        #expect(
            try issues(#""Bad Name""#, #"{"pattern":"^[a-z0-9-]+$"}"#) == [
                #"#: "Bad Name" does not match the pattern ^[a-z0-9-]+$"#
            ])
        #expect(try issues(#""my-name""#, #"{"pattern":"^[a-z0-9-]+$"}"#).isEmpty)
        // ECMA-262 `$` does not match before a trailing newline; ICU's would.
        #expect(try issues(#""abc\n""#, #"{"pattern":"^[a-z]+$"}"#).count == 1)
        // Unanchored patterns match anywhere.
        #expect(try issues(#""xx42yy""#, #"{"pattern":"\\d+"}"#).isEmpty)
    }

    @Test func numberRules() throws {
        #expect(try issues("0", #"{"minimum":1}"#) == ["#: 0 is less than the minimum 1"])
        #expect(try issues("3653", #"{"maximum":3652}"#) == ["#: 3653 is greater than the maximum 3652"])
        #expect(try issues("1", #"{"exclusiveMinimum":1}"#) == ["#: 1 must be greater than 1"])
        #expect(try issues("7", #"{"multipleOf":5}"#) == ["#: 7 is not a multiple of 5"])
    }

    @Test func arrayRules() throws {
        #expect(try issues("[]", #"{"minItems":1}"#) == ["#: array has 0 items, the minimum is 1"])
        #expect(try issues("[1,2,3]", #"{"maxItems":2}"#) == ["#: array has 3 items, the maximum is 2"])
        #expect(
            try issues("[1,2,1.0]", #"{"uniqueItems":true}"#) == [
                "#/2: duplicate item 1.0; items must be unique"
            ])
        #expect(
            try issues(#"[1,"x"]"#, #"{"items":{"type":"integer"}}"#) == [
                #"#/1: expected integer, got string"#
            ])
    }

    @Test func refsAndCombinators() throws {
        let schema = #"""
            {"definitions":{"Tag":{"type":"object","properties":{"Key":{"type":"string","minLength":1}},"required":["Key"]}},
             "type":"object","properties":{"Tags":{"type":"array","items":{"$ref":"#/definitions/Tag"}},
               "Mode":{"oneOf":[{"type":"string"},{"type":"integer"}]},
               "Any":{"anyOf":[{"type":"string","maxLength":2},{"type":"boolean"}]},
               "All":{"allOf":[{"minimum":1},{"maximum":5}]}}}
            """#
        #expect(
            try issues(#"{"Tags":[{"Key":""}]}"#, schema) == [
                "#/Tags/0/Key: string is 0 characters long, the minimum is 1"
            ])
        #expect(try issues(#"{"Tags":[{}]}"#, schema) == ["#/Tags/0: required key [Key] not found"])
        #expect(
            try issues(#"{"Mode":1.5}"#, schema) == [
                "#/Mode: matches none of the 2 oneOf alternatives (alternative 1: #/Mode: expected string, got number)"
            ])
        #expect(
            try issues(#"{"Any":"abc"}"#, schema) == [
                "#/Any: matches none of the 2 anyOf alternatives (alternative 1: #/Any: string is 3 characters long, the maximum is 2)"
            ])
        #expect(try issues(#"{"All":9}"#, schema) == ["#/All: 9 is greater than the maximum 5"])
        #expect(try issues(#"{"Mode":"x","Any":true,"All":3,"Tags":[{"Key":"k"}]}"#, schema).isEmpty)
        #expect(
            try issues("1", #"{"oneOf":[{"type":"integer"},{"type":"number"}]}"#) == [
                "#: matches 2 of the oneOf alternatives, exactly one is allowed"
            ])
        #expect(
            try issues("1", ##"{"$ref":"#/definitions/Missing"}"##) == [
                "#: schema error: cannot resolve $ref '#/definitions/Missing'"
            ])
    }

    @Test func patternProperties() throws {
        let schema =
            #"{"type":"object","patternProperties":{"^[a-z]+$":{"type":"string"}},"additionalProperties":false}"#
        #expect(try issues(#"{"abc":"x"}"#, schema).isEmpty)
        #expect(try issues(#"{"abc":1}"#, schema) == ["#/abc: expected string, got integer"])
        #expect(
            try issues(#"{"ABC":"x"}"#, schema) == [
                "#: extraneous key [ABC] is not permitted"
            ])
    }

    @Test(arguments: [
        ("^[a-z]+$", #"^[a-z]+\z"#), (#"^\d{3}$"#, #"^[0-9]{3}\z"#), ("[[a]", #"[\[a]"#), ("[^]", #"[\s\S]"#),
        ("a[]b", "a(?!)b"), (#"[\w.-]+"#, #"[A-Za-z0-9_.-]+"#), (#"\/"#, "/"), ("[$]", "[$]"),
        // Annex B literals found in registry schemas: `-` after a class escape, lone braces.
        (#"[\w-.~]+"#, #"[A-Za-z0-9_\-.~]+"#), (#"\{a}b{1,9}c{2}{x"#, #"\{a\}b{1,9}c{2}\{x"#),
        (#"^\P{C}*$"#, #"^\P{C}*\z"#),
    ])
    func ecmaTranslation(_ ecma: String, _ icu: String) {
        #expect(ECMARegex.translate(ecma) == icu)
    }
}
