import ArgumentParser
import Foundation

/// The key pairs `ccs serve` accepts besides test/test, from where a secret is not shown to
/// other users: a file (`--credentials-file`) or the environment (`CCS_SERVE_CREDENTIALS`),
/// rather than argv, which `ps` and /proc/PID/cmdline show to everyone (issue 16, F12). The
/// messages here never quote a secret, nor a line that may hold one.
enum ServeCredentials {
    static let environmentVariable = "CCS_SERVE_CREDENTIALS"
    /// What every entry must look like, for error messages.
    static let format = "ACCESS_KEY_ID:SECRET_ACCESS_KEY[:ACCOUNT_ID]"

    /// One accepted key, and the account its requests act in (nil: the default account).
    struct Key: Equatable {
        var accessKeyId: String
        var secret: String
        var account: String?
    }

    /// `AKID:SECRET` or `AKID:SECRET:ACCOUNT`; nil unless the key id and secret are non-empty
    /// and an account, when given, is 12 digits. AWS secret keys hold no colon (base64), so a
    /// second colon can only start the account.
    static func key(_ entry: String) -> Key? {
        let parts = entry.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2 || parts.count == 3, !parts[0].isEmpty, !parts[1].isEmpty else { return nil }
        var account: String? = nil
        if parts.count == 3 {
            guard parts[2].count == 12, parts[2].allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
            account = String(parts[2])
        }
        return Key(accessKeyId: String(parts[0]), secret: String(parts[1]), account: account)
    }

    /// The pairs in `text`, separated by newlines, commas or blanks (neither key ids nor AWS
    /// secret keys contain those); `#` starts a comment that runs to the end of its line.
    /// `source` names the text in errors.
    static func parse(_ text: String, source: String) throws -> [Key] {
        var pairs: [Key] = []
        // Character.isNewline also holds for "\r\n", one Character in Swift: files written on
        // Windows split the same way.
        for (number, line) in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
            .enumerated()
        {
            let content =
                line.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
            let entries = content.split { $0 == "," || $0.isWhitespace }
            for entry in entries {
                guard let pair = key(String(entry)) else {
                    throw ValidationError(
                        "\(source): line \(number + 1) holds an entry that is not \(format) (an account id is 12 digits)"
                    )
                }
                pairs.append(pair)
            }
        }
        guard !pairs.isEmpty else {
            throw ValidationError("\(source) holds no \(format) entry")
        }
        return pairs
    }

    /// The pairs of the file at `path`.
    static func read(_ path: String) throws -> [Key] {
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
