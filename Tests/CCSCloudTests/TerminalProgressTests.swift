import CloudControl
import Testing

@testable import CCSCloud

/// A service whose progress events name a type with escape sequences in it, as a hostile or
/// broken server may answer.
final class HostileTypeNameService: ForwardingService {
    static let typeName = "AWS::Logs::LogGroup\u{1B}[2J\u{1B}]0;title\u{07}"

    override func getResourceRequestStatus(_ input: GetResourceRequestStatusInput) throws
        -> GetResourceRequestStatusOutput
    {
        var output = try inner.getResourceRequestStatus(input)
        output.progressEvent?.typeName = Self.typeName
        return output
    }
}

/// The progress line `wait` draws on the terminal shows what the service said with its control
/// characters escaped (issue 16, F13).
@Suite struct TerminalProgressTests {
    @Test func theProgressLineEscapesTheServicesText() throws {
        let h = try CloudHarness(latency: 2) { HostileTypeNameService($0) }
        _ = h.run(#"wait(create("AWS::Logs::LogGroup", {LogGroupName: "hostile-progress"}))"#)
        let drawn = h.progress.lines.filter { $0.count > 4 }
        #expect(drawn.contains { $0.contains(#"AWS::Logs::LogGroup\x1b[2J\x1b]0;title\x07"#) })
        for line in drawn {
            // Only the line's own "return and clear" prefix is a control sequence.
            #expect(!line.dropFirst(4).contains("\u{1B}"), "\(line.debugDescription)")
            #expect(!line.contains("\u{07}"))
        }
    }
}
