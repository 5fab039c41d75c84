import Foundation
import Testing

@testable import CloudControl

/// The INI dialect of ~/.aws/config and ~/.aws/credentials.
struct SharedConfigFileTests {
    @Test func parsesSectionsKeysCommentsAndNestedKeys() throws {
        let text = """
            # a comment
            [default]
            region = eu-west-3
            Output=json
            ; another comment

            [profile   dev] # trailing note
            region=us-east-1
            services = local
            credential_process = /usr/bin/printf "a b"

            [services local]
            cloudcontrol =
              endpoint_url = http://127.0.0.1:4566
              other_key: x
            s3 =
              endpoint_url = http://127.0.0.1:9000
            """
        let file = try SharedConfigFile(parsing: text, path: "/tmp/config")
        #expect(Set(file.sections.keys) == ["default", "profile dev", "services local"])
        #expect(file.sections["default"]?.values == ["region": "eu-west-3", "output": "json"])
        #expect(file.sections["profile dev"]?.values["credential_process"] == #"/usr/bin/printf "a b""#)
        let services = try #require(file.sections["services local"])
        #expect(
            services.subsections["cloudcontrol"] == [
                "endpoint_url": "http://127.0.0.1:4566", "other_key": "x",
            ])
        #expect(services.subsections["s3"]?["endpoint_url"] == "http://127.0.0.1:9000")
        #expect(services.values["cloudcontrol"] == "")
    }

    @Test func acceptsCRLFLineEndingsAndRepeatedSections() throws {
        let file = try SharedConfigFile(
            parsing: "[a]\r\nx = 1\r\n[b]\r\ny = 2\r\n[a]\r\nz = 3\r\n", path: "/tmp/config")
        #expect(file.sections["a"]?.values == ["x": "1", "z": "3"])
        #expect(file.sections["b"]?.values == ["y": "2"])
    }

    @Test(arguments: [
        ("key = value\n", "line 1: a setting appears before any [section] header"),
        ("[default]\nregion\n", "line 2: expected 'key = value'"),
        ("[default\n", "line 1: a section header must look like [name]"),
        ("[ ]\n", "line 1: the section header has no name"),
        ("[]\n", "line 1: the section header has no name"),
        ("[default]\n = x\n", "line 2: the setting has no name before '='"),
    ])
    func reportsTheLineOfMalformedInput(_ text: String, _ expected: String) {
        #expect(throws: ConfigurationError(.malformedFile, "Unable to parse config file /tmp/f, \(expected)"))
        {
            try SharedConfigFile(parsing: text, path: "/tmp/f")
        }
    }

    @Test func neverEchoesValuesInErrorsOrDescriptions() throws {
        let secret = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"
        do {
            _ = try SharedConfigFile(
                parsing: "[default]\naws_secret_access_key \(secret)\n", path: "/tmp/credentials")
            Issue.record("a line without '=' was accepted")
        } catch {
            #expect(!error.message.contains(secret))
        }
        let file = try SharedConfigFile(
            parsing: "[default]\naws_secret_access_key = \(secret)\n", path: "/tmp/c")
        var dumped = ""
        dump(file, to: &dumped)
        for text in ["\(file)", String(reflecting: file), dumped, "\(file.sections)"] {
            #expect(!text.contains(secret), "\(text)")
        }
    }
}
