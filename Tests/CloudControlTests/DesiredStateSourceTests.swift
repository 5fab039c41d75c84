import Foundation
import Testing

@testable import CloudControl

@Suite("DesiredState as JSON text or a file path")
struct DesiredStateSourceTests {
    @Test(arguments: [#"{"A":1}"#, "  {\"A\":1}", "[]", "", "no-such-file.json", "/"])
    func nonFileValuesAreKept(value: String) throws {
        #expect(try DesiredStateSource.resolve(value) == value)
    }

    @Test func anExistingFileIsRead() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent(
            "ccs-state-\(UUID().uuidString).json")
        try Data(#"{"LogGroupName":"x"}"#.utf8).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        #expect(try DesiredStateSource.resolve(url.path) == #"{"LogGroupName":"x"}"#)
    }

    @Test func aFileThatIsNotUTF8IsAnError() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent(
            "ccs-state-\(UUID().uuidString).bin")
        try Data([0xFF, 0xFE, 0x00, 0xC3]).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        let error = #expect(throws: DesiredStateFileError.self) { try DesiredStateSource.resolve(url.path) }
        #expect(error?.description == "cannot read DesiredState from \(url.path): the file is not UTF-8 text")
    }
}
