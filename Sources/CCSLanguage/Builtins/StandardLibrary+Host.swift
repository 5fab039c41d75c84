import Foundation

/// The host beyond files: subprocesses, raw output, terminals, encodings, hashes and
/// randomness.
extension StandardLibrary {
    static let hostBuiltins: [Builtin] = [
        Builtin("run", minArity: 1, maxArity: 2,
                doc: "run(argv, {stdin, env, timeout}?): runs a program directly (no shell) and returns {status, stdout, stderr}; env adds to (null removes from) the environment; timeout in seconds.") { args, ctx in
            let argv = try ctx.elements(args, 0, "run").map { item -> String in
                guard case .string(let s) = item else { throw ctx.typeError("run", 1, expected: "list of strings", got: item) }
                return s
            }
            guard !argv.isEmpty else { throw ScriptError(code: ErrorCode.valueError, message: "run: argv is empty") }
            // A C string ends at NUL: an argument holding one would reach the program cut short.
            if let bad = argv.firstIndex(where: { $0.utf8.contains(0) }) {
                throw ScriptError(code: ErrorCode.valueError, message: "run: argv[\(bad)] contains a NUL character")
            }
            let options = try CallOptions(args, 1, function: "run", allowed: ["stdin", "env", "timeout"])
            var environment = ctx.host.environment
            if let extra = options.value("env") {
                guard case .map(let box) = extra else { throw ctx.typeError("run", 2, expected: "env map", got: extra) }
                for (name, value) in box.entries {
                    if value.isNull { environment[name] = nil } else { environment[name] = try ctx.interpreter.displayString(value) }
                }
            }
            let stdin = try options.value("stdin").map { Array(try ctx.interpreter.displayString($0).utf8) }
            let timeout = try options.number("timeout")
            ctx.host.output.flush()
            do {
                let outcome = try Subprocess.run(argv, stdin: stdin, environment: environment, timeout: timeout,
                                                 interruption: ctx.interpreter.interruption)
                return .map(MapBox([
                    "status": .int(Int(outcome.status)),
                    "stdout": .string(String(decoding: outcome.stdout, as: UTF8.self)),
                    "stderr": .string(String(decoding: outcome.stderr, as: UTF8.self)),
                ]))
            } catch let failure as Subprocess.Failure {
                switch failure {
                case .notFound(let program):
                    throw ScriptError(code: ErrorCode.ioError, message: "run: '\(program)' not found (an executable path, or a name on PATH)")
                case .cannotStart(let reason):
                    throw ScriptError(code: ErrorCode.ioError, message: "run: cannot start '\(argv[0])': \(reason)")
                case .timedOut:
                    throw ScriptError(code: ErrorCode.timeout, message: "run: '\(argv[0])' did not finish within \(timeout ?? 0) s and was stopped")
                case .interrupted(let stop):
                    throw stop
                }
            }
        },
        Builtin("write", minArity: 0, maxArity: nil,
                doc: "write(a, b, ...): as print, but without the newline (for prompts and progress).") { args, ctx in
            var text = ""
            for (i, value) in args.enumerated() {
                if i > 0 { text += " " }
                text += try ctx.interpreter.displayString(value)
            }
            ctx.host.output.write(text)
            return .null
        },
        Builtin("is_tty", arity: 1, doc: "is_tty(stream): whether \"stdin\", \"stdout\" or \"stderr\" is a terminal.") { args, ctx in
            let descriptors = ["stdin": Int32(0), "stdout": 1, "stderr": 2]
            let name = try ctx.string(args, 0, "is_tty")
            guard let descriptor = descriptors[name] else {
                throw ScriptError(code: ErrorCode.valueError, message: "is_tty: stream must be \"stdin\", \"stdout\" or \"stderr\", got '\(name)'")
            }
            return .bool(isatty(descriptor) != 0)
        },
        Builtin("base64_encode", arity: 1, doc: "base64_encode(s): the Base64 (RFC 4648) of the string's UTF-8 bytes.") { args, ctx in
            .string(Data(try ctx.string(args, 0, "base64_encode").utf8).base64EncodedString())
        },
        Builtin("base64_decode", arity: 1, doc: "base64_decode(s): the UTF-8 text whose Base64 s is; ValueError if s is not Base64 or the bytes not UTF-8.") { args, ctx in
            let text = try ctx.string(args, 0, "base64_decode")
            guard let data = Data(base64Encoded: text.trimmingCharacters(in: .whitespacesAndNewlines), options: .ignoreUnknownCharacters) else {
                throw ScriptError(code: ErrorCode.valueError, message: "base64_decode: not Base64 text")
            }
            guard let decoded = String(validating: [UInt8](data), as: UTF8.self) else {
                throw ScriptError(code: ErrorCode.valueError, message: "base64_decode: the decoded bytes are not UTF-8 text")
            }
            return .string(decoded)
        },
        Builtin("sha256", arity: 1, doc: "sha256(s): the SHA-256 digest of the string's UTF-8 bytes, as 64 hex digits.") { args, ctx in
            .string(SHA256.hex(Array(try ctx.string(args, 0, "sha256").utf8)))
        },
        Builtin("uuid", arity: 0, doc: "uuid(): a random (version 4) UUID, in lower case.") { _, _ in
            .string(UUID().uuidString.lowercased())
        },
        Builtin("random", minArity: 0, maxArity: 2,
                doc: "random(): a float in [0, 1); random(n): an int in [0, n); random(a, b): an int in [a, b].") { args, ctx in
            switch args.count {
            case 0: return .double(Double.random(in: 0..<1))
            case 1:
                let n = try ctx.integer(args, 0, "random")
                guard n > 0 else { throw ScriptError(code: ErrorCode.valueError, message: "random: n must be positive, got \(n)") }
                return .int(Int.random(in: 0..<n))
            default:
                let a = try ctx.integer(args, 0, "random"), b = try ctx.integer(args, 1, "random")
                guard a <= b else { throw ScriptError(code: ErrorCode.valueError, message: "random: \(a) is more than \(b)") }
                return .int(Int.random(in: a...b))
            }
        },
    ]
}
