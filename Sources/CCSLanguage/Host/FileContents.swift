import Foundation

/// Reads a whole file with read(2) until end of file. Foundation's `contents(atPath:)` reads
/// as many bytes as `stat` reports, which is 0 or 4096 for special files (`/proc/self/maps`
/// came back cut at 4 KB, issue 16 F11) and nothing for a pipe (`/dev/stdin`); reading to
/// EOF gets all of them, and a failure carries the OS's reason.
enum FileContents {
    /// The file's bytes, or the OS's reason (`strerror`) for failing to open or read it.
    static func readAll(_ path: String) -> Result<[UInt8], FileReadError> {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        if descriptor < 0 { return .failure(FileReadError(errno: errno)) }
        defer { close(descriptor) }
        return readAll(descriptor: descriptor)
    }

    /// The bytes of an open descriptor, read until end of file.
    static func readAll(descriptor: Int32) -> Result<[UInt8], FileReadError> {
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count > 0 {
                bytes.append(contentsOf: chunk[0..<count])
            } else if count == 0 {
                return .success(bytes)
            } else if errno != EINTR {
                return .failure(FileReadError(errno: errno))
            }
        }
    }
}

/// Why a file could not be read, in the OS's words (`No such file or directory`).
struct FileReadError: Error {
    let reason: String

    init(errno code: Int32) {
        reason = String(cString: strerror(code))
    }
}
