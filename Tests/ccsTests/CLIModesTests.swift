import CCSTestSupport
import Foundation
import Testing

/// The command line as a new user meets it (issue 14): the help, usage errors, `ccs api` in
/// the AWS CLI's style with its output formats, `ccs query -` and `--raw`, the same exit
/// statuses with `--local` as against an endpoint, and the completion scripts.
@Suite struct CLIModesTests {
    let run = RunCommandTests()

    func temporaryDatabase() -> String {
        NSTemporaryDirectory() + "ccs-cli-\(UUID().uuidString).sqlite"
    }

    /// No AWS settings at all: no region, no credentials, no config files.
    var bareEnvironment: [String: String] {
        ["PATH": "/usr/bin:/bin", "HOME": NSTemporaryDirectory() + "ccs-no-home-\(UUID().uuidString)",
         "AWS_EC2_METADATA_DISABLED": "true", "TZ": "UTC"]
    }

    @Test func helpShowsEveryMode() throws {
        let help = try run.ccs(["--help"])
        #expect(help.status == 0)
        for mode in ["ccs FILE.ccs", "ccs -e 'CODE'", "ccs - [ARGS...]", "the REPL", "--local", "ccs api", "ccs query", "ccs serve", "ccs lsp",
                     "--generate-completion-script"] {
            #expect(help.stdout.contains(mode), "\(mode)")
        }
    }

    @Test func unknownOptionsAreUsageErrors() throws {
        let bogus = try run.ccs(["--bogus"])
        #expect(bogus.status == 2)
        #expect(bogus.stderr.hasPrefix("ccs: unknown option '--bogus'\n"))
        #expect(try run.ccs(["api", "ListResources", "--bogus"]).status == 2)
        #expect(try run.ccs(["query", "$", "--local"]).status == 2)
    }

    @Test func eachSubcommandListsItsOwnOptions() throws {
        let query = try run.ccs(["query", "--help"]).stdout
        #expect(query.contains("--raw"))
        for global in ["--local", "--profile", "--region"] { #expect(!query.contains(global), "\(global)") }
        let api = try run.ccs(["api", "--help"]).stdout
        for option in ["--type-name", "--query", "--output", "--properties", "--region"] { #expect(api.contains(option)) }
    }

    @Test func queryReadsDashAsStdinAndPrintsRawStrings() throws {
        let document = #"{"a": ["x\ty", 2, {"b": null}]}"#
        #expect(try run.ccs(["query", "$.a[*]", "-"], stdin: document).stdout == "[\"x\\ty\",2,{\"b\":null}]\n")
        #expect(try run.ccs(["query", "--raw", "$.a[*]", "-"], stdin: document).stdout == "x\ty\n2\n{\"b\":null}\n")
        let response = #"{"ResourceDescriptions": [{"Identifier": "a", "Properties": "{\"Tags\": [{\"Key\": \"team\"}]}"}]}"#
        let inside = try run.ccs(["query", "--properties", "$..Tags[*].Key"], stdin: response)
        #expect(inside.stdout == "[\"team\"]\n", "\(inside.stderr)")
        #expect(try run.ccs(["query", "$..Tags[*].Key"], stdin: response).stdout == "[]\n")
    }

    @Test func apiInTheAWSCLIStyleWithOutputFormats() throws {
        let db = "--local=\(temporaryDatabase())"
        let created = try run.ccs([db, "-e", #"wait(create("AWS::SQS::Queue", {QueueName: "jobs"})).OperationStatus"#])
        #expect(created.stdout == "SUCCESS\n", "\(created.stderr)")
        let list = ["api", "list-resources", "--type-name", "AWS::SQS::Queue", db]
        let json = try run.ccs(list + ["--properties", "--query", "$.ResourceDescriptions[*].Properties.QueueName"])
        #expect(json.stdout == "[\n    \"jobs\"\n]\n", "\(json.stderr)")
        let text = try run.ccs(list + ["--query", "$.ResourceDescriptions[*].Identifier", "--output", "text"])
        #expect(text.stdout.hasPrefix("https://sqs.us-east-1.amazonaws.com/123456789012/jobs"), "\(text.stdout)")
        let yaml = try run.ccs(list + ["--output", "yaml"]).stdout
        #expect(yaml.hasPrefix("TypeName: AWS::SQS::Queue\nResourceDescriptions:\n- Identifier: "), "\(yaml)")
        let table = try run.ccs(list + ["--output", "table"]).stdout
        #expect(table.contains("| TypeName | AWS::SQS::Queue |"), "\(table)")
        #expect(table.contains("ResourceDescriptions"))
        // The JSON form and the options together: the options win.
        let both = try run.ccs(["api", "get-resource", #"{"TypeName": "AWS::Nope::Nope", "Identifier": "x"}"#,
                                "--type-name", "AWS::SQS::Queue", "--identifier",
                                "https://sqs.us-east-1.amazonaws.com/123456789012/jobs", "--properties",
                                "--query", "$.ResourceDescription.Properties.QueueName", "--output", "text", db])
        #expect(both.stdout == "jobs\n", "\(both.stderr)")
        let misplaced = try run.ccs(["api", "get-resource", "--type-name", "AWS::SQS::Queue", "--max-results", "3", db])
        #expect(misplaced.status == 2)
        #expect(misplaced.stderr.contains("--max-results does not apply to get-resource (its options: --type-name"))
        let badQuery = try run.ccs(list + ["--query", "$[", db])
        #expect(badQuery.status == 2)
        #expect(badQuery.stderr.hasPrefix("ccs api: --query: invalid JSONPath: "))
    }

    @Test func exitStatusesAreTheSameWithLocalAsAgainstAnEndpoint() throws {
        let tooMany = #"{"TypeName": "AWS::Logs::LogGroup", "MaxResults": 500}"#
        let local = try run.ccs(["api", "ListResources", tooMany, "--local=\(temporaryDatabase())"])
        #expect(local.status == 2)
        #expect(local.stderr.contains("invalid range for parameter MaxResults: value 500"))
        var endpoint = bareEnvironment
        endpoint["AWS_ACCESS_KEY_ID"] = "test"
        endpoint["AWS_SECRET_ACCESS_KEY"] = "test"
        endpoint["AWS_REGION"] = "us-east-1"
        // Port 9 (discard) on loopback: nothing is sent, as validation comes first.
        let remote = try run.ccs(["api", "ListResources", tooMany, "--endpoint-url", "http://127.0.0.1:9"], environment: endpoint)
        #expect(remote.status == 2)
        #expect(remote.stderr == local.stderr)
    }

    @Test func missingRegionExits253InScriptsAsInApi() throws {
        let script = try run.ccs(["-e", #"count(list("AWS::Logs::LogGroup"))"#], environment: bareEnvironment)
        #expect(script.status == 253, "\(script.stderr)")
        #expect(script.stderr.contains("Missing Region"))
        let api = try run.ccs(["api", "list-resources", "--type-name", "AWS::Logs::LogGroup"], environment: bareEnvironment)
        #expect(api.status == 253)
        // Caught, it is an ordinary error value; other uncaught errors still exit 1.
        let caught = try run.ccs(["-e", #"try { count(list("AWS::Logs::LogGroup")) } catch e { print(e.code) }"#],
                                 environment: bareEnvironment)
        #expect(caught.stdout == "EndpointError\n", "\(caught.stderr)")
        #expect(try run.ccs(["-e", "1 / 0"], environment: bareEnvironment).status == 1)
    }

    @Test func serveRefusesADatabaseInAMissingFolder() throws {
        let folder = NSTemporaryDirectory() + "ccs-typo-\(UUID().uuidString)"
        let result = try run.ccs(["serve", "--db", folder + "/dir/x.sqlite", "--port", "0"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("the folder '\(folder)/dir' does not exist"), "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: folder))
    }

    @Test func serveOnABusyPortSaysSo() throws {
        let holder = try LoopbackHTTPServer { _ in .json("{}") }
        defer { holder.shutdown() }
        let result = try run.ccs(["serve", "--port", String(holder.port), "--db", ":memory:"])
        #expect(result.status == 1)
        #expect(
            result.stderr.contains(
                "ccs serve: cannot listen on 127.0.0.1:\(holder.port): the port is already in use by another process"),
            "\(result.stderr)")
        #expect(!result.stderr.contains("errno"))
    }

    @Test func inventoryCSVEndsWithOneRecordTerminator() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let db = "--local=\(temporaryDatabase())"
        _ = try run.ccs([db, "-e", #"wait(create("AWS::Logs::LogGroup", {LogGroupName: "csv-demo"}))"#])
        let report = try run.ccs([db, root.appendingPathComponent("scripts/inventory-report.ccs").path,
                                  "--prefix", "AWS::Logs::", "--format", "csv"])
        #expect(report.status == 0, "\(report.stderr)")
        #expect(Array(report.stdout.utf8.suffix(2)) == [13, 10], "\(Array(report.stdout.utf8.suffix(4)))")
        #expect(!report.stdout.hasSuffix("\r\n\n"))
    }

    @Test func completionScriptsForEveryShellCompleteTypeNames() throws {
        for shell in ["bash", "zsh", "fish"] {
            let script = try run.ccs(["--generate-completion-script", shell])
            #expect(script.status == 0)
            #expect(script.stdout.contains("type-name"), "\(shell)")
        }
        let words = ["ccs", "api", "--type-name", "AWS::Logs::Log"]
        let completions = try run.ccs(["---completion", "api", "--", "--type-name", "3", "14"] + words)
        #expect(completions.stdout.split(separator: "\n").contains("AWS::Logs::LogGroup"), "\(completions.stdout.prefix(300))")
        #expect(!completions.stdout.contains("AWS::S3::Bucket"))
    }
}
