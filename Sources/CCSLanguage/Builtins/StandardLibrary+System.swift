import Foundation

extension StandardLibrary {
    static let systemBuiltins: [Builtin] = [
        Builtin("env", minArity: 1, maxArity: 2, doc: "env(name, default?): the environment variable, or default (null).") { args, ctx in
            let name = try ctx.string(args, 0, "env")
            if let value = ctx.host.environment[name] { return .string(value) }
            return args.count > 1 ? args[1] : .null
        },
        Builtin("now", arity: 0, doc: "now(): the current time in seconds since 1970-01-01T00:00:00Z, as a float.") { _, _ in
            .double(Date().timeIntervalSince1970)
        },
        Builtin("sleep", arity: 1, doc: "sleep(seconds): pauses the script.") { args, ctx in
            let seconds = try ctx.number(args, 0, "sleep")
            guard seconds >= 0, seconds.isFinite else {
                throw ScriptError(code: ErrorCode.valueError, message: "sleep: \(seconds) is not a duration")
            }
            try ctx.sleep(seconds: seconds)
            return .null
        },
        Builtin("read_file", arity: 1, doc: "read_file(path): the contents of a UTF-8 text file.") { args, ctx in
            let path = try ctx.string(args, 0, "read_file")
            let bytes: [UInt8]
            switch FileContents.readAll(path) {
            case .success(let read): bytes = read
            case .failure(let failure):
                throw ScriptError(code: ErrorCode.ioError, message: "read_file: cannot read '\(path)': \(failure.reason)")
            }
            guard let text = String(validating: bytes, as: UTF8.self) else {
                throw ScriptError(code: ErrorCode.ioError, message: "read_file: '\(path)' is not valid UTF-8")
            }
            return .string(text)
        },
        Builtin("write_file", arity: 2, doc: "write_file(path, text): replaces the file's contents with text (strings raw, other values as JSON).") { args, ctx in
            let path = try ctx.string(args, 0, "write_file")
            // Data, so written exactly: a value too deep or cyclic for JSON is an error, not a
            // marker in its place (issue 16, F9). Strings, functions and sequences as `print` shows them.
            let text: String
            switch args[1] {
            case .string, .function, .sequence: text = try ctx.interpreter.displayString(args[1])
            default: text = try ctx.interpreter.encodeJSON(args[1], pretty: false, what: "write_file: argument #2")
            }
            guard FileManager.default.createFile(atPath: path, contents: Data(text.utf8)) else {
                throw ScriptError(code: ErrorCode.ioError, message: "write_file: cannot write '\(path)'")
            }
            return .null
        },
        Builtin("exit", minArity: 0, maxArity: 1, doc: "exit(status?): ends the script with the exit status (default 0).") { args, ctx in
            let status = args.isEmpty ? 0 : try ctx.integer(args, 0, "exit")
            guard (0...255).contains(status) else {
                throw ScriptError(code: ErrorCode.valueError, message: "exit: status must be 0 to 255, got \(status)")
            }
            throw ScriptExit(status: Int32(status))
        },
    ]
}
