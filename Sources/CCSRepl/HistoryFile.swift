import CCSLanguage
import Foundation

/// The REPL's persistent history: one line per entry in `$XDG_STATE_HOME/ccs/history`
/// (else `~/.local/state/ccs/history`, per the XDG Base Directory spec's state home),
/// created with mode 0600 in a 0700 folder. Each accepted line is appended at once, so
/// sessions running side by side share their history, and a new session starts with
/// every earlier session's lines. The file is cut back to the newest `limit` entries when
/// it grows past twice that. An input of several lines is one entry, written on one line
/// as `#ccs-lines ` and the input as a JSON string (a comment, were it read as ccs).
struct HistoryFile {
    /// What starts the line of an entry that holds newlines.
    static let multiLineMarker = "#ccs-lines "

    let path: String
    let limit: Int

    /// The history path for an environment: `$XDG_STATE_HOME` when set to an absolute path
    /// (the spec says to ignore relative ones), else `$HOME/.local/state`.
    static func defaultPath(environment: [String: String]) -> String? {
        if let state = environment["XDG_STATE_HOME"], state.hasPrefix("/") {
            return state + "/ccs/history"
        }
        guard let home = environment["HOME"], !home.isEmpty else { return nil }
        return home + "/.local/state/ccs/history"
    }

    /// Whether a line goes into the history: not blank, and not starting with a space (as
    /// in shells, a leading space keeps a line out of the history).
    static func shouldRecord(_ line: String) -> Bool {
        !line.hasPrefix(" ") && !line.allSatisfy(\.isWhitespace)
    }

    /// The newest `limit` entries, oldest first; trims the file when it is over twice the
    /// limit. A missing file is an empty history.
    func load() -> [String] {
        guard let data = FileManager.default.contents(atPath: path) else { return [] }
        let lines = String(decoding: data, as: UTF8.self).split(
            separator: "\n", omittingEmptySubsequences: true
        )
        .map(HistoryFile.decode)
        let kept = Array(lines.suffix(limit))
        if lines.count > 2 * limit { rewrite(kept) }
        return kept
    }

    /// Appends one entry, creating the folder and file with private modes when needed.
    /// Failures are reported, never fatal: a read-only home must not stop the REPL.
    func append(_ line: String) -> String? {
        guard ensureFolder() else { return "cannot create the folder of \(path)" }
        let descriptor = open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { return "cannot open \(path): \(String(cString: strerror(errno)))" }
        defer { close(descriptor) }
        let bytes = Array((HistoryFile.encode(line) + "\n").utf8)
        let written = bytes.withUnsafeBytes { Foundation.write(descriptor, $0.baseAddress, $0.count) }
        return written == bytes.count ? nil : "cannot write \(path): \(String(cString: strerror(errno)))"
    }

    /// The line an entry is written as.
    static func encode(_ entry: String) -> String {
        entry.contains("\n") ? multiLineMarker + JSONCodec.encode(.string(entry)) : entry
    }

    /// The entry a line of the file holds.
    static func decode(_ line: Substring) -> String {
        if line.hasPrefix(multiLineMarker),
            case .string(let entry)? = try? JSONCodec.decode(String(line.dropFirst(multiLineMarker.count)))
        {
            return entry
        }
        return String(line)
    }

    private func ensureFolder() -> Bool {
        let folder = (path as NSString).deletingLastPathComponent
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory) {
            return isDirectory.boolValue
        }
        return
            (try? FileManager.default.createDirectory(
                atPath: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700]))
            != nil
    }

    /// Replaces the file by `lines` through a private temporary file and a rename, so a
    /// concurrent reader never sees half a file.
    private func rewrite(_ lines: [String]) {
        let temporary = path + ".\(getpid()).tmp"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { return }
        let bytes = Array(lines.map { HistoryFile.encode($0) + "\n" }.joined().utf8)
        let written = bytes.withUnsafeBytes { Foundation.write(descriptor, $0.baseAddress, $0.count) }
        close(descriptor)
        if written == bytes.count {
            rename(temporary, path)
        } else {
            unlink(temporary)
        }
    }
}
