import ArgumentParser
import Foundation

/// The key pairs `ccs serve` accepts besides test/test, from where a secret is not shown to
/// other users: a file (`--credentials-file`) or the environment (`CCS_SERVE_CREDENTIALS`),
/// rather than argv, which `ps` and /proc/PID/cmdline show to everyone (issue 16, F12). The
/// messages here never quote a secret, nor a line that may hold one.
enum ServeCredentials {
    static let environmentVariable = "CCS_SERVE_CREDENTIALS"

    /// `AKID:SECRET` split at the first colon; nil unless both sides are non-empty.
    static func pair(_ entry: String) -> (String, String)? {
        guard let colon = entry.firstIndex(of: ":"), colon != entry.startIndex,
            entry.index(after: colon) != entry.endIndex
        else { return nil }
        return (String(entry[..<colon]), String(entry[entry.index(after: colon)...]))
    }

    /// The pairs in `text`, separated by newlines, commas or blanks (neither key ids nor AWS
    /// secret keys contain those); `#` starts a comment that runs to the end of its line.
    /// `source` names the text in errors.
    static func parse(_ text: String, source: String) throws -> [(String, String)] {
        var pairs: [(String, String)] = []
        // Character.isNewline also holds for "\r\n", one Character in Swift: files written on
        // Windows split the same way.
        for (number, line) in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
            .enumerated()
        {
            let content =
                line.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
            let entries = content.split { $0 == "," || $0.isWhitespace }
            for entry in entries {
                guard let pair = pair(String(entry)) else {
                    throw ValidationError(
                        "\(source): line \(number + 1) holds an entry that is not ACCESS_KEY_ID:SECRET_ACCESS_KEY"
                    )
                }
                pairs.append(pair)
            }
        }
        guard !pairs.isEmpty else {
            throw ValidationError("\(source) holds no ACCESS_KEY_ID:SECRET_ACCESS_KEY pair")
        }
        return pairs
    }

    /// The pairs of the file at `path`.
    static func read(_ path: String) throws -> [(String, String)] {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw ValidationError(
                "--credentials-file \(path): cannot be read: \((error as NSError).localizedDescription)")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw ValidationError("--credentials-file \(path): is not UTF-8 text")
        }
        return try parse(text, source: "--credentials-file \(path)")
    }

    /// A warning when the file at `path` may be read by users other than its owner, as ssh
    /// warns about a private key file.
    static func permissionWarning(_ path: String) -> String? {
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: path),
            let mode = (attributes[.posixPermissions] as? NSNumber)?.intValue, mode & 0o044 != 0
        else { return nil }
        return
            "ccs serve: warning: --credentials-file \(path) is readable by other users (mode \(String(mode & 0o777, radix: 8))); chmod 600 it"
    }
}
