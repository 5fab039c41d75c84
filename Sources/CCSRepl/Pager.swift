import Foundation

/// Shows output taller than the terminal through a pager, as git and man do: `$PAGER` (run
/// by `/bin/sh -c`, so it may carry arguments), else `less -R` (`-R` lets the colours
/// through). `LESS` defaults to `FRX` when unset, as git sets it: quit at once if the text
/// fits after all, keep colours, leave the text on the screen afterwards. An empty `PAGER`
/// or `PAGER=cat` turns paging off.
struct Pager {
    let environment: [String: String]

    /// The pager's command line, or nil when paging is off.
    var command: String? {
        switch environment["PAGER"] {
        case nil: return "less -R"
        case let pager? where pager.trimmingCharacters(in: .whitespaces).isEmpty: return nil
        case "cat"?: return nil
        case let pager?: return pager
        }
    }

    /// Whether `text` needs a pager on a terminal of `rows` rows and `columns` columns: the
    /// rows it fills, a line longer than the width taking several, and the prompt after it
    /// one more. Colour codes take no room.
    static func isTaller(_ text: String, rows: Int, columns: Int) -> Bool {
        var used = 0
        for line in text.split(separator: "\n", omittingEmptySubsequences: false).dropLast() {
            var width = 0
            var inEscape = false
            for character in line {
                if inEscape {
                    if character.isLetter { inEscape = false }
                } else if character == "\u{1B}" {
                    inEscape = true
                } else {
                    width += 1
                }
            }
            used += max(1, (width + columns - 1) / columns)
            if used >= rows { return true }
        }
        return false
    }

    /// Runs the pager on `text` and waits for it to end. Returns false when it could not be
    /// started, or the shell could not find or run it (exit status 126 or 127, after the
    /// shell has said why): the caller then writes the text itself.
    ///
    /// Spawned with posix_spawn rather than Foundation's `Process`, which puts the child in
    /// a process group of its own: a pager outside the terminal's foreground group cannot
    /// read the keyboard (less then exits at once). The child gets an empty signal mask and
    /// default handlers (the REPL blocks SIGINT for its sigwait thread), so Ctrl-C and q work
    /// in it as usual.
    func show(_ text: String) -> Bool {
        guard let command else { return false }
        var fds: [Int32] = [0, 0]
        guard pipe(&fds) == 0 else { return false }
        let (readEnd, writeEnd) = (fds[0], fds[1])
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, readEnd, 0)
        posix_spawn_file_actions_addclose(&actions, readEnd)
        posix_spawn_file_actions_addclose(&actions, writeEnd)
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var noSignals = sigset_t()
        sigemptyset(&noSignals)
        posix_spawnattr_setsigmask(&attributes, &noSignals)
        var defaults = sigset_t()
        sigemptyset(&defaults)
        sigaddset(&defaults, SIGINT)
        sigaddset(&defaults, SIGPIPE)
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        var childEnvironment = environment
        if childEnvironment["LESS"] == nil { childEnvironment["LESS"] = "FRX" }
        let arguments = ["/bin/sh", "-c", command]
        let environmentLines = childEnvironment.map { $0.key + "=" + $0.value }
        var pid: pid_t = 0
        let spawned = withCStrings(arguments) { argv in
            withCStrings(environmentLines) { envp in
                posix_spawn(&pid, "/bin/sh", &actions, &attributes, argv, envp)
            }
        }
        close(readEnd)
        guard spawned == 0 else {
            close(writeEnd)
            return false
        }
        // A pager that quits early (q) closes the pipe: writes then fail with EPIPE, which
        // ends the copy; SIGPIPE is ignored so that it cannot end the REPL.
        signal(SIGPIPE, SIG_IGN)
        var bytes = Array(text.utf8)[...]
        while !bytes.isEmpty {
            let written = bytes.withUnsafeBytes { write(writeEnd, $0.baseAddress, $0.count) }
            if written < 0 && errno == EINTR { continue }
            if written <= 0 { break }
            bytes = bytes.dropFirst(written)
        }
        close(writeEnd)
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        let exitedNormally = status & 0x7F == 0
        let exitStatus = (status >> 8) & 0xFF
        return !(exitedNormally && (exitStatus == 126 || exitStatus == 127))
    }

    /// Calls `body` with a NULL-terminated C array of copies of `strings`.
    private func withCStrings<R>(_ strings: [String], _ body: ([UnsafeMutablePointer<CChar>?]) -> R) -> R {
        var pointers = strings.map { strdup($0) }
        pointers.append(nil)
        defer { for pointer in pointers { free(pointer) } }
        return body(pointers)
    }
}
