import Foundation
import Testing

@testable import CloudControl

@Suite("DesiredState as JSON text or a file path")
struct DesiredStateSourceTests {
    @Test(arguments: [#"{"A":1}"#, "  {\"A\":1}", "\n[]", "[1, 2]", "", "  "])
    func documentsAreKeptAsGiven(value: String) throws {
        #expect(DesiredStateSource.isDocument(value))
        #expect(try DesiredStateSource.resolve(value) == value)
    }

    @Test func anExistingFileIsRead() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent(
            "ccs-state-\(UUID().uuidString).json")
        try Data(#"{"LogGroupName":"x"}"#.utf8).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        #expect(!DesiredStateSource.isDocument(url.path))
        #expect(try DesiredStateSource.resolve(url.path) == #"{"LogGroupName":"x"}"#)
        #expect(try DesiredStateSource.resolve(" \(url.path)\n") == #"{"LogGroupName":"x"}"#)
        let input = try CreateResourceInput(typeName: "AWS::Logs::LogGroup", desiredState: url.path)
            .resolvingDesiredState()
        #expect(input.desiredState == #"{"LogGroupName":"x"}"#)
    }

    @Test func aTildeIsTheHomeFolder() throws {
        let home = FileManager.default.homeDirectoryForCurrentUser.path
        let error = #expect(throws: DesiredStateFileError.self) {
            try DesiredStateSource.resolve("~/ccs-no-such-\(UUID().uuidString).json")
        }
        #expect(error?.path.hasPrefix(home) == true)
    }

    @Test func aValueThatIsNeitherIsAnError() throws {
        let missing = #expect(throws: DesiredStateFileError.self) {
            try DesiredStateSource.resolve("no-such-file.json")
        }
        #expect(
            missing?.description
                == "cannot read DesiredState from no-such-file.json: it is neither a JSON document nor an existing file"
        )
        let folder = #expect(throws: DesiredStateFileError.self) { try DesiredStateSource.resolve("/") }
        #expect(folder?.description == "cannot read DesiredState from /: it is a directory")
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
