import CCSTestSupport
import Foundation
import Testing

/// `ccs api --paginate` against a loopback server whose NextTokens cycle A, B, A (issue 16,
/// F5): it stops by the paginator's rule, the same as `list` in scripts. The server gives up
/// after 40 pages, so a `--paginate` that followed the loop would exit 0 with 40 items.
@Suite struct ApiPaginateLoopTests {
    @Test func aCycleOfTokensStopsWithAnError() throws {
        let counter = RequestCounter()
        let server = try LoopbackHTTPServer { _ in
            let n = counter.next()
            let next = n < 40 ? #","NextToken":"\#(n % 2 == 1 ? "A" : "B")""# : ""
            return .json(
                #"{"TypeName":"AWS::Logs::LogGroup","ResourceDescriptions":[{"Identifier":"r\#(n)","Properties":"{}"}]\#(next)}"#
            )
        }
        defer { server.shutdown() }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: RunCommandTests.binary)
        process.arguments = [
            "api", "ListResources", #"{"TypeName":"AWS::Logs::LogGroup"}"#, "--paginate", "--endpoint-url",
            server.baseURL,
        ]
        process.environment = ApiDesiredStateTests.environment
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let stdout = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        let stderr = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus != 0)
        #expect(stdout == "")
        #expect(
            stderr.contains(
                "ListResources pagination stopped: the service returned a NextToken it had already returned (A); following it again would repeat the same pages forever"
            ), "\(stderr)")
        #expect(server.requests.count == 3)
    }
}
