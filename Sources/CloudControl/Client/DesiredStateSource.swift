import Foundation

/// The `DesiredState` parameter may be given as JSON text or as the path of a file that holds
/// the JSON, as the boto3 documentation of `create_resource` describes ("Cloud Control API
/// currently supports JSON as a structured data format" … "specify the desired state as a JSON
/// document or a path to one"). A value that is not JSON text and names an existing regular
/// file is replaced by the file's contents; anything else is sent as given.
enum DesiredStateSource {
    static func resolve(_ value: String) throws -> String {
        let trimmed = value.trimmingCharacters(in: .whitespacesAndNewlines)
        if trimmed.hasPrefix("{") || trimmed.hasPrefix("[") || trimmed.isEmpty { return value }
        let path = (trimmed as NSString).expandingTildeInPath
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue
        else {
            return value
        }
        do {
            let data = try Data(contentsOf: URL(fileURLWithPath: path))
            guard let text = String(data: data, encoding: .utf8) else {
                throw DesiredStateFileError(path: path, reason: "the file is not UTF-8 text")
            }
            return text
        } catch let error as DesiredStateFileError {
            throw error
        } catch {
            throw DesiredStateFileError(path: path, reason: error.localizedDescription)
        }
    }
}
