import Foundation

/// The folder of the emulator's database. The default location
/// (`LocalConfiguration.defaultDatabasePath`) is created on first use; the folder of a path
/// the user gave must exist already, so that a typo (`--db /tmp/typo/cc.sqlite`) is an error
/// instead of a new tree of folders holding an empty database.
enum LocalDatabaseFolder {
    static func prepare(
        for databasePath: String, environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws {
        let folder = (databasePath as NSString).deletingLastPathComponent
        if folder.isEmpty { return }
        if databasePath == LocalConfiguration.defaultDatabasePath(environment: environment) {
            try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            return
        }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory) else {
            throw LocalDatabaseFolderError(folder: folder, reason: "does not exist")
        }
        guard isDirectory.boolValue else {
            throw LocalDatabaseFolderError(folder: folder, reason: "is not a folder")
        }
    }
}

/// The folder of a database path given by the user does not exist or is not a folder.
public struct LocalDatabaseFolderError: Error, CustomStringConvertible, Equatable {
    public let folder: String
    public let reason: String

    public var description: String { "the folder '\(folder)' \(reason) (ccs creates only its default database folder)" }
}
