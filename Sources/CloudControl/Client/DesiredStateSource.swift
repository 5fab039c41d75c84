import Foundation

/// The one rule for a DesiredState a user gives, to `ccs api CreateResource` (against AWS,
/// `ccs serve` or `--local`) and to the `create` built-in alike. The API takes the JSON
/// document itself; the boto3 documentation of `create_resource` speaks of "a JSON document
/// or a path to one", and both user interfaces accept either:
/// - a value that is blank or whose first non-blank character is `{` or `[` is the document,
///   used as given (whether it is a valid JSON object is for the service, or the built-in,
///   to say);
/// - anything else is the path of a file holding the document (a leading `~` is the home
///   folder), which is read as UTF-8 text; a path that names no readable regular file is a
///   `DesiredStateFileError`, raised before anything is sent.
/// The clients (`CloudControlClient`, the emulator) send DesiredState as they are given it.
public enum DesiredStateSource {
    /// Whether `value` is the JSON document itself rather than the path of a file.
    public static func isDocument(_ value: String) -> Bool {
        guard
            let first = value.unicodeScalars.first(where: {
                !CharacterSet.whitespacesAndNewlines.contains($0)
            })
        else { return true }
        return first == "{" || first == "["
    }

    /// The document `value` stands for: itself, or the contents of the file it names.
    public static func resolve(_ value: String) throws -> String {
        isDocument(value) ? value : try contents(ofFile: value)
    }

    /// The text of the file `value` names (surrounding blanks ignored, `~` expanded).
    public static func contents(ofFile value: String) throws -> String {
        let trimmed = value.trimmingCharacters(in: .whitespacesAndNewlines)
        let path = (trimmed as NSString).expandingTildeInPath
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw DesiredStateFileError(
                path: path, reason: "it is neither a JSON document nor an existing file")
        }
        guard !isDirectory.boolValue else {
            throw DesiredStateFileError(path: path, reason: "it is a directory")
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

extension CreateResourceInput {
    /// The input with its DesiredState read from the file it names, if it names one
    /// (`DesiredStateSource`).
    public func resolvingDesiredState() throws -> CreateResourceInput {
        var input = self
        input.desiredState = try DesiredStateSource.resolve(desiredState)
        return input
    }
}
