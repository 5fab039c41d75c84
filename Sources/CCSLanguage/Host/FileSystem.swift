import Foundation

/// The file operations behind the file built-ins, over POSIX calls so that every failure
/// carries the OS's reason (`No such file or directory`, `Permission denied`).
enum FileSystem {
    /// Reads standard input to its end (a pipe included: `aws ... | ccs x.ccs`).
    static func readStandardInput() -> Result<[UInt8], FileReadError> {
        FileContents.readAll(descriptor: 0)
    }

    /// Replaces the contents of the file at `path`. A symbolic link is followed, so the file
    /// it points to is written and the link stays a link (writing to `/dev/stdout` writes to
    /// standard output). A regular file (or a new one) is replaced atomically: the text goes
    /// to a temporary file in the same folder, which is renamed over the target, so a reader
    /// never sees half a file and a failed write leaves the old contents. Other files
    /// (devices, pipes) are opened and written in place.
    static func write(_ bytes: [UInt8], to path: String) -> FileReadError? {
        var info = stat()
        let exists = stat(path, &info) == 0
        // Devices and pipes, also behind links the kernel resolves itself (/dev/stdout is
        // /proc/self/fd/1, whose target is no path): written in place through the path.
        if exists && (info.st_mode & S_IFMT) != S_IFREG {
            return writeInPlace(bytes, to: path, flags: O_WRONLY | O_TRUNC)
        }
        let target: String
        switch resolvingLinks(path) {
        case .success(let resolved): target = resolved
        case .failure(let failure): return failure
        }
        let folder = (target as NSString).deletingLastPathComponent
        let temporary = (folder.isEmpty ? "." : folder) + "/." + (target as NSString).lastPathComponent
            + ".ccs-" + String(UInt64.random(in: 0...UInt64.max), radix: 36)
        let mode = exists ? info.st_mode & 0o7777 : 0o666 & ~currentUmask()
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode)
        if descriptor < 0 {
            // A folder we may not create files in can still hold a file we may write.
            if exists && (errno == EACCES || errno == EPERM || errno == EROFS) {
                return writeInPlace(bytes, to: target, flags: O_WRONLY | O_TRUNC)
            }
            return FileReadError(errno: errno)
        }
        if let failure = writeAll(bytes, to: descriptor) ?? (fchmod(descriptor, mode) == 0 ? nil : FileReadError(errno: errno)) {
            close(descriptor)
            unlink(temporary)
            return failure
        }
        if close(descriptor) != 0 || rename(temporary, target) != 0 {
            let failure = FileReadError(errno: errno)
            unlink(temporary)
            return failure
        }
        return nil
    }

    /// Appends to the file at `path`, creating it when missing.
    static func append(_ bytes: [UInt8], to path: String) -> FileReadError? {
        writeInPlace(bytes, to: path, flags: O_WRONLY | O_CREAT | O_APPEND)
    }

    private static func writeInPlace(_ bytes: [UInt8], to path: String, flags: Int32) -> FileReadError? {
        let descriptor = open(path, flags | O_CLOEXEC, 0o666)
        if descriptor < 0 { return FileReadError(errno: errno) }
        if let failure = writeAll(bytes, to: descriptor) {
            close(descriptor)
            return failure
        }
        return close(descriptor) == 0 ? nil : FileReadError(errno: errno)
    }

    private static func writeAll(_ bytes: [UInt8], to descriptor: Int32) -> FileReadError? {
        var offset = 0
        while offset < bytes.count {
            let count = bytes[offset...].withUnsafeBytes { Foundation.write(descriptor, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                return FileReadError(errno: errno)
            }
            offset += count
        }
        return nil
    }

    /// The file a path names once its symbolic links are followed (the path itself when it
    /// is not a link, or when a link's target does not exist yet: writing creates it).
    static func resolvingLinks(_ path: String) -> Result<String, FileReadError> {
        var current = path
        for _ in 0..<40 {
            var info = stat()
            guard lstat(current, &info) == 0, (info.st_mode & S_IFMT) == S_IFLNK else { return .success(current) }
            guard let destination = try? FileManager.default.destinationOfSymbolicLink(atPath: current) else {
                return .success(current)
            }
            current = destination.hasPrefix("/")
                ? destination : ((current as NSString).deletingLastPathComponent as NSString).appendingPathComponent(destination)
        }
        return .failure(FileReadError(errno: ELOOP))
    }

    private static func currentUmask() -> mode_t {
        // umask can only be read by setting it; set it straight back.
        let mask = umask(0o022)
        umask(mask)
        return mask
    }

    /// Whether something exists at `path` (following links).
    static func exists(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0
    }

    /// Creates a folder, and with `parents` the missing folders above it (an existing folder
    /// is then no error, as `mkdir -p`).
    static func makeDirectory(_ path: String, parents: Bool) -> FileReadError? {
        if !parents { return mkdir(path, 0o777) == 0 ? nil : FileReadError(errno: errno) }
        var prefix = path.hasPrefix("/") ? "/" : ""
        for component in path.split(separator: "/") {
            prefix += (prefix.isEmpty || prefix.hasSuffix("/") ? "" : "/") + component
            if mkdir(prefix, 0o777) != 0 {
                let code = errno
                var info = stat()
                if code == EEXIST, stat(prefix, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR { continue }
                return FileReadError(errno: code)
            }
        }
        return nil
    }

    /// Removes a file, a link, or an empty folder.
    static func remove(_ path: String) -> FileReadError? {
        var info = stat()
        if lstat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR {
            return rmdir(path) == 0 ? nil : FileReadError(errno: errno)
        }
        return unlink(path) == 0 ? nil : FileReadError(errno: errno)
    }

    /// The names in a folder, sorted, without "." and "..".
    static func list(_ path: String) -> Result<[String], FileReadError> {
        var info = stat()
        guard stat(path, &info) == 0 else { return .failure(FileReadError(errno: errno)) }
        guard (info.st_mode & S_IFMT) == S_IFDIR else { return .failure(FileReadError(errno: ENOTDIR)) }
        guard access(path, R_OK | X_OK) == 0 else { return .failure(FileReadError(errno: errno)) }
        do {
            return .success(try FileManager.default.contentsOfDirectory(atPath: path).sorted())
        } catch {
            return .failure(FileReadError(errno: EIO))
        }
    }
}
