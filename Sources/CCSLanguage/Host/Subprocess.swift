import Dispatch
import Foundation

/// `run(argv, opts)`: starts a program directly (Foundation's Process, which uses
/// posix_spawn; no shell, so no quoting rules and no injection), feeds it `stdin`, and
/// collects its status and output. SIGINT and SIGTERM get their default action back in the
/// child even though `ScriptSignals` ignores them in ccs (Process resets the signal mask and
/// dispositions), so Ctrl-C reaches both.
enum Subprocess {
    struct Outcome {
        var status: Int32
        var stdout: [UInt8]
        var stderr: [UInt8]
    }

    enum Failure: Error {
        case notFound(String)
        case cannotStart(String)
        case timedOut
        case interrupted(ScriptInterrupted)
    }

    /// The path of `program`: itself when it holds a slash, else the first match on `PATH`.
    static func locate(_ program: String, path: String?) throws -> String {
        if program.contains("/") {
            guard FileSystem.exists(program) else { throw Failure.notFound(program) }
            guard isProgram(program) else { throw Failure.cannotStart("not an executable file") }
            return program
        }
        for folder in (path ?? "/usr/local/bin:/usr/bin:/bin").split(separator: ":") {
            let candidate = "\(folder)/\(program)"
            if isProgram(candidate) { return candidate }
        }
        throw Failure.notFound(program)
    }

    /// An executable regular file (a folder has the execute bit too).
    private static func isProgram(_ path: String) -> Bool {
        var isFolder: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) && !isFolder.boolValue
            && FileManager.default.isExecutableFile(atPath: path)
    }

    static func run(_ argv: [String], stdin: [UInt8]?, environment: [String: String], timeout: Double?,
                    interruption: Interruption?) throws -> Outcome {
        let executable = try locate(argv[0], path: environment["PATH"])
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = Array(argv.dropFirst())
        process.environment = environment
        let output = Pipe(), errors = Pipe(), input = Pipe()
        process.standardOutput = output
        process.standardError = errors
        process.standardInput = stdin == nil ? FileHandle.nullDevice : input
        let finished = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in finished.signal() }
        do {
            try process.run()
        } catch {
            throw Failure.cannotStart("\(error.localizedDescription)")
        }
        // Both streams are drained while the program runs, so a full pipe never stalls it.
        let group = DispatchGroup()
        let out = Collected(), err = Collected()
        DispatchQueue.global().async(group: group) { out.data = output.fileHandleForReading.readDataToEndOfFile() }
        DispatchQueue.global().async(group: group) { err.data = errors.fileHandleForReading.readDataToEndOfFile() }
        if let stdin {
            DispatchQueue.global().async {
                try? input.fileHandleForWriting.write(contentsOf: Data(stdin))
                try? input.fileHandleForWriting.close()
            }
        }
        let deadline = timeout.map { Date(timeIntervalSinceNow: $0) }
        while finished.wait(timeout: .now() + 0.05) == .timedOut {
            if let deadline, Date() >= deadline {
                process.terminate()
                finished.wait()
                group.wait()
                throw Failure.timedOut
            }
            do {
                try interruption?.check()
            } catch let stop as ScriptInterrupted {
                process.terminate()
                finished.wait()
                group.wait()
                throw Failure.interrupted(stop)
            }
        }
        group.wait()
        return Outcome(status: process.terminationReason == .uncaughtSignal ? 128 + process.terminationStatus : process.terminationStatus,
                       stdout: [UInt8](out.data), stderr: [UInt8](err.data))
    }

    /// What one reader thread read; written by it, read after `group.wait()`.
    private final class Collected: @unchecked Sendable {
        var data = Data()
    }
}
