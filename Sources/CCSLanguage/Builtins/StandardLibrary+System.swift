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
        Builtin("exit", minArity: 0, maxArity: 1, doc: "exit(status?): ends the script with the exit status (default 0).") { args, ctx in
            let status = args.isEmpty ? 0 : try ctx.integer(args, 0, "exit")
            guard (0...255).contains(status) else {
                throw ScriptError(code: ErrorCode.valueError, message: "exit: status must be 0 to 255, got \(status)")
            }
            throw ScriptExit(status: Int32(status))
        },
    ]
}
