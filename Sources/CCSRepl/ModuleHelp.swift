import Foundation

/// `:help MODULE` and `:help MODULE.FUNCTION` for the stdlib's modules (docs/STDLIB.md),
/// read from the modules' own comments: a module opens with a comment block saying what it
/// is for, and each function is preceded by a comment saying what it does. Functions whose
/// names start with `_` are the module's internals and are not listed.
struct ModuleHelp {
    /// The stdlib folders, in search order.
    let folders: [String]

    /// The module names (file names without `.ccs`), sorted, first folder winning.
    var moduleNames: [String] {
        var names: Set<String> = []
        for folder in folders {
            for file in (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [] where file.hasSuffix(".ccs") {
                names.insert(String(file.dropLast(4)))
            }
        }
        return names.sorted()
    }

    /// The help for `name` (`tags` or `tags.of`), nil when no module has it.
    func help(_ name: String) -> String? {
        let parts = name.split(separator: ".", maxSplits: 1).map(String.init)
        guard let module = parts.first, !module.isEmpty, let text = source(of: module) else { return nil }
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let functions = ModuleHelp.functions(lines)
        if parts.count == 2 {
            guard let function = functions.first(where: { $0.name == parts[1] }) else { return nil }
            return ([module + "." + function.signature] + function.comment).joined(separator: "\n")
        }
        var out = ModuleHelp.leadingComment(lines)
        let listed = functions.filter { !$0.name.hasPrefix("_") }
        if !listed.isEmpty {
            out.append("")
            out.append("functions (:help \(module).NAME for one):")
            let width = listed.map(\.signature.count).max() ?? 0
            for function in listed {
                let summary = function.comment.first ?? ""
                out.append(
                    "  " + function.signature.padding(toLength: width, withPad: " ", startingAt: 0)
                        + (summary.isEmpty ? "" : "  " + summary))
            }
        }
        return out.joined(separator: "\n")
    }

    private func source(of module: String) -> String? {
        guard !module.contains("/") else { return nil }
        for folder in folders {
            let path = (folder as NSString).appendingPathComponent(module + ".ccs")
            if let data = FileManager.default.contents(atPath: path) { return String(decoding: data, as: UTF8.self) }
        }
        return nil
    }

    /// The comment lines at the top of the file, without their `#`.
    static func leadingComment(_ lines: [String]) -> [String] {
        var out: [String] = []
        for line in lines {
            guard line.hasPrefix("#") else { break }
            out.append(uncommented(line))
        }
        return out
    }

    struct Function {
        let name: String
        let signature: String
        let comment: [String]
    }

    /// Each top-level `fn name(params)` with the comment block right above it.
    static func functions(_ lines: [String]) -> [Function] {
        var found: [Function] = []
        var comment: [String] = []
        for line in lines {
            if line.hasPrefix("#") {
                comment.append(uncommented(line))
                continue
            }
            defer { comment = [] }
            guard line.hasPrefix("fn "), let close = line.firstIndex(of: ")") else { continue }
            let signature = String(line[line.index(line.startIndex, offsetBy: 3)...close])
            guard let open = signature.firstIndex(of: "(") else { continue }
            found.append(Function(name: String(signature[..<open]), signature: signature, comment: comment))
        }
        return found
    }

    private static func uncommented(_ line: String) -> String {
        let body = line.dropFirst()
        return String(body.hasPrefix(" ") ? body.dropFirst() : body)
    }
}
