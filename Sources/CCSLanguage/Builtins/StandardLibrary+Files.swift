/// Files and folders. Every failure is an `IOError` that names the function, the path and
/// the OS's reason ("read_file: cannot read 'x': No such file or directory").
extension StandardLibrary {
    static let fileBuiltins: [Builtin] = [
        Builtin("read_file", arity: 1,
                doc: "read_file(path): the contents of a UTF-8 text file, read to its end; \"-\" reads standard input (a pipe too).") { args, ctx in
            .string(try readText(try ctx.string(args, 0, "read_file"), "read_file"))
        },
        Builtin("read_lines", arity: 1,
                doc: "read_lines(path): the lines of a text file (or \"-\" for stdin), without their line ends.") { args, ctx in
            let text = try readText(try ctx.string(args, 0, "read_lines"), "read_lines")
            // By scalars: "\r\n" is one Character, which a split on "\n" would not cut.
            var lines = text.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false).map { line in
                String(String.UnicodeScalarView(line.last == "\r" ? line.dropLast() : line))
            }
            if lines.last == "" { lines.removeLast() }
            return .list(ListBox(lines.map { .string($0) }))
        },
        Builtin("write_file", arity: 2,
                doc: "write_file(path, x): replaces the file's contents with x (strings raw, other values as JSON); atomic for regular files, writes through symbolic links.") { args, ctx in
            let path = try ctx.string(args, 0, "write_file")
            let text = try fileText(args[1], ctx, what: "write_file: argument #2")
            if let failure = FileSystem.write(Array(text.utf8), to: path) {
                throw ioError("write_file", "cannot write '\(path)'", failure)
            }
            return .null
        },
        Builtin("append_file", arity: 2,
                doc: "append_file(path, x): adds x (strings raw, other values as JSON) to the end of the file, creating it when missing.") { args, ctx in
            let path = try ctx.string(args, 0, "append_file")
            let text = try fileText(args[1], ctx, what: "append_file: argument #2")
            if let failure = FileSystem.append(Array(text.utf8), to: path) {
                throw ioError("append_file", "cannot append to '\(path)'", failure)
            }
            return .null
        },
        Builtin("file_exists", arity: 1, doc: "file_exists(path): whether a file or folder exists at path (links followed).") { args, ctx in
            .bool(FileSystem.exists(try ctx.string(args, 0, "file_exists")))
        },
        Builtin("make_dir", minArity: 1, maxArity: 2,
                doc: "make_dir(path, {parents: true}?): creates a folder; with parents, the missing folders above it too, and an existing folder is no error.") { args, ctx in
            let path = try ctx.string(args, 0, "make_dir")
            let options = try CallOptions(args, 1, function: "make_dir", allowed: ["parents"])
            if let failure = FileSystem.makeDirectory(path, parents: try options.flag("parents")) {
                throw ioError("make_dir", "cannot create '\(path)'", failure)
            }
            return .null
        },
        Builtin("remove_file", arity: 1, doc: "remove_file(path): deletes a file, a link or an empty folder.") { args, ctx in
            let path = try ctx.string(args, 0, "remove_file")
            if let failure = FileSystem.remove(path) { throw ioError("remove_file", "cannot remove '\(path)'", failure) }
            return .null
        },
        Builtin("list_dir", arity: 1, doc: "list_dir(path): the names in a folder, sorted (without . and ..).") { args, ctx in
            let path = try ctx.string(args, 0, "list_dir")
            switch FileSystem.list(path) {
            case .success(let names): return .list(ListBox(names.map { .string($0) }))
            case .failure(let failure): throw ioError("list_dir", "cannot list '\(path)'", failure)
            }
        },
    ]

    /// What write_file and append_file put in a file: a string as it is, any other value as
    /// exact JSON (a cycle or a nesting too deep is an error, not a marker in the data).
    static func fileText(_ value: Value, _ ctx: CallContext, what: String) throws -> String {
        if case .string(let text) = value { return text }
        return try ctx.interpreter.encodeJSON(value, pretty: false, what: what)
    }

    static func readText(_ path: String, _ function: String) throws -> String {
        let bytes: [UInt8]
        switch path == "-" ? FileSystem.readStandardInput() : FileContents.readAll(path) {
        case .success(let read): bytes = read
        case .failure(let failure):
            throw ioError(function, "cannot read '\(path == "-" ? "standard input" : path)'", failure)
        }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw ScriptError(code: ErrorCode.ioError, message: "\(function): '\(path)' is not valid UTF-8")
        }
        return text
    }

    static func ioError(_ function: String, _ what: String, _ failure: FileReadError) -> ScriptError {
        ScriptError(code: ErrorCode.ioError, message: "\(function): \(what): \(failure.reason)")
    }
}
