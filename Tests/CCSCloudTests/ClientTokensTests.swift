import CCSLanguage
import CloudControl
import Foundation
import Testing

@testable import CCSCloud

/// ClientTokens derived from a run id (`CCS_RUN_ID`): a re-run of a script with the same run
/// id replays its creates, patches, deletes and resubmissions instead of making new ones;
/// without a run id every call gets a fresh token.
@Suite struct ClientTokensTests {
    @Test func derivedTokensAreStableDistinctAndFitTheAPIPattern() throws {
        let first = ClientTokens(runID: "run-1")
        let again = ClientTokens(runID: "run-1")
        let other = ClientTokens(runID: "run-2")
        let a = first.token(["create", "AWS::SQS::Queue", "{}"])
        let b = first.token(["create", "AWS::SQS::Queue", "{}"])
        #expect(a != b, "the second identical call is a second request")
        #expect(again.token(["create", "AWS::SQS::Queue", "{}"]) == a)
        #expect(again.token(["create", "AWS::SQS::Queue", "{}"]) == b)
        #expect(other.token(["create", "AWS::SQS::Queue", "{}"]) != a)
        #expect(first.token(["create", "AWS::SQS::Queue", "{\"a\":1}"]) != a)
        // The parts are separated, so moving text between them changes the token.
        #expect(first.token(["ab", "c"]) != first.token(["a", "bc"]))
        #expect(a.count == 36)
        #expect(a.hasPrefix("ccs-"))
        #expect(a.dropFirst(4).allSatisfy { "0123456789abcdef".contains($0) })
        #expect(first.resubmission(of: a, attempt: 1) == again.resubmission(of: a, attempt: 1))
        #expect(first.resubmission(of: a, attempt: 1) != first.resubmission(of: a, attempt: 2))
    }

    @Test func withoutARunIDTokensAreFresh() {
        var counter = 0
        let tokens = ClientTokens(runID: "", fresh: { counter += 1; return "fresh-\(counter)" })
        #expect(tokens.runID == nil)
        #expect(tokens.token(["create", "T", "{}"]) == "fresh-1")
        #expect(tokens.token(["create", "T", "{}"]) == "fresh-2")
        #expect(tokens.resubmission(of: "x", attempt: 1) == "fresh-3")
    }

    /// FNV-1a 128 of the empty string is the offset basis (a known-answer check).
    @Test func digestOfEmptyInputIsTheOffsetBasis() {
        #expect(ClientTokens.digest("") == "6c62272e07bb014262b821756295c58d")
        #expect(ClientTokens.digest("a") != ClientTokens.digest("b"))
    }

    private static let queues = """
        for i in range(3) { wait(create("AWS::SQS::Queue", {VisibilityTimeout: 10})) }
        """

    @Test func sameRunIDReplaysCreatesOfGeneratedNames() throws {
        let h = try CloudHarness(latency: 0)
        #expect(run(Self.queues, h, runID: "r1").status == 0)
        #expect(try queueCount(h) == 3, "identical desired states in one run are distinct creates")
        #expect(run(Self.queues, h, runID: "r1").status == 0)
        #expect(try queueCount(h) == 3, "the re-run replayed its three creates")
        #expect(run(Self.queues, h, runID: "r2").status == 0)
        #expect(try queueCount(h) == 6)
        #expect(run(Self.queues, h, runID: nil).status == 0)
        #expect(try queueCount(h) == 9)
    }

    @Test func resubmissionsAfterFailedThrottlingAreReplayedToo() throws {
        let h = try CloudHarness(latency: 0, faults: "failed-throttle=1")
        let script = #"try { wait(create("AWS::Logs::LogGroup", {LogGroupName: "t"})) } catch e { print(e.code) }"#
        #expect(run(script, h, runID: "r").output == "Throttling\n")
        let made = try createRequests(h)
        #expect(made == 4, "the create and its three resubmissions")
        #expect(run(script, h, runID: "r").output == "Throttling\n")
        #expect(try createRequests(h) == made)
    }

    @Test func patchAndDeleteAreReplayed() throws {
        let h = try CloudHarness(latency: 0)
        let script = """
            wait(create("AWS::Logs::LogGroup", {LogGroupName: "p"}))
            wait(patch("AWS::Logs::LogGroup", "p", [{op: "add", path: "/RetentionInDays", value: 7}]))
            wait(delete("AWS::Logs::LogGroup", "p"))
            print("ok")
            """
        #expect(run(script, h, runID: "pd").output == "ok\n")
        let count = try requestCount(h)
        #expect(count == 3)
        // Without replay the re-run's create would start a fourth request (and fail later
        // with AlreadyExists only if the group still existed).
        #expect(run(script, h, runID: "pd").output == "ok\n")
        #expect(try requestCount(h) == count)
    }

    private func run(_ code: String, _ h: CloudHarness, runID: String?) -> ScriptOutcome {
        let clock = h.clock
        let service = h.service
        let session = CloudSession(
            service: { service }, schemas: h.registry, now: { clock.now() }, sleep: { clock.advance($0) },
            progress: nil, random: { 0.5 }, runID: runID)
        var output = ""
        var errors = ""
        let host = ScriptHost(output: OutputSink { output += String(decoding: $0, as: UTF8.self) })
        let runner = ScriptRunner(host: host) { errors += $0 }
        CloudBuiltins.register(into: runner.registry, session: session)
        let status = runner.run(
            SourceFile(name: "tokens.ccs", directory: nil, bytes: Array(code.utf8)), printResult: false)
        return ScriptOutcome(status: status, output: output, errors: errors)
    }

    private func queueCount(_ h: CloudHarness) throws -> Int {
        try h.engine.listResources(ListResourcesInput(typeName: "AWS::SQS::Queue", maxResults: 100))
            .resourceDescriptions?.count ?? 0
    }

    private func requestCount(_ h: CloudHarness) throws -> Int {
        try h.engine.listResourceRequests(ListResourceRequestsInput(maxResults: 100))
            .resourceRequestStatusSummaries?.count ?? 0
    }

    private func createRequests(_ h: CloudHarness) throws -> Int {
        try h.engine.listResourceRequests(
            ListResourceRequestsInput(
                maxResults: 100,
                resourceRequestStatusFilter: ResourceRequestStatusFilter(operations: [.create]))
        ).resourceRequestStatusSummaries?.count ?? 0
    }
}
