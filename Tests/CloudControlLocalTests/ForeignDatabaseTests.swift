import Foundation
import Testing

@testable import CloudControlLocal

/// Pointing the emulator at someone else's SQLite file (issue 16, minor): it is refused by
/// name and left exactly as it was, where it used to gain the emulator's tables (and WAL mode)
/// before the schema version check failed.
@Suite struct ForeignDatabaseTests {
    @Test func aForeignDatabaseIsRefusedAndLeftUnchanged() throws {
        let path = try Support.temporaryDirectory() + "/notes.sqlite"
        let foreign = try SQLiteConnection(path: path)
        try foreign.execute("CREATE TABLE notes (body TEXT); INSERT INTO notes VALUES ('keep me')")
        foreign.close()
        let before = try Data(contentsOf: URL(fileURLWithPath: path))

        #expect {
            _ = try Support.engine(path: path)
        } throws: { error in
            "\(error)".contains("is not a ccs emulator database (it holds the tables notes and no ccs schema version); it was left unchanged")
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
        #expect(!FileManager.default.fileExists(atPath: path + "-wal"))
    }

    @Test func anEmptyFileAndOurOwnDatabaseStillOpen() throws {
        let directory = try Support.temporaryDirectory()
        let empty = directory + "/empty.sqlite"
        FileManager.default.createFile(atPath: empty, contents: Data())
        let engine = try Support.engine(path: empty)
        engine.close()
        let again = try Support.engine(path: empty)
        again.close()
    }
}

/// A lone surrogate escape in a DesiredState or PatchDocument is refused, as the language's
/// `parse_json` refuses it, instead of being stored as U+FFFD (issue 16, minor).
@Suite struct LoneSurrogateTests {
    @Test func aLoneSurrogateInTheDesiredStateIsAnInvalidRequest() throws {
        let engine = try Support.engine()
        defer { engine.close() }
        let message = expectLocalError("InvalidRequestException") {
            _ = try engine.create(
                typeName: "AWS::Logs::LogGroup", desiredState: #"{"LogGroupName":"a\ud800"}"#, clientToken: nil)
        }
        #expect(message.hasPrefix("DesiredState is not valid JSON"), "\(message)")
        #expect(message.contains("surrogate"), "\(message)")
    }
}
