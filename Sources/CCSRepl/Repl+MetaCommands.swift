import JSONCore
import CCSLanguage
import Foundation

extension Repl {
    /// Runs a `:command` line; errors are reported and the session goes on.
    func runMetaCommand(_ line: String) {
        interruption.reset()
        do {
            switch try MetaCommand.parse(line) {
            case .help(nil):
                let names = session.interpreter.registry.builtins.keys.sorted()
                let modules = ModuleHelp(folders: host.stdlibPaths).moduleNames
                writeResult(
                    MetaCommand.summary + "\n\nbuilt-ins (:help NAME for one):\n"
                        + Completion.columns(names, width: editor?.size?.columns ?? 80)
                        + (modules.isEmpty
                            ? ""
                            : "\n\nstdlib modules (import \"NAME\"; :help NAME for one):\n"
                                + Completion.columns(modules, width: editor?.size?.columns ?? 80))
                        + "\n")
            case .help(let name?):
                try help(name)
            case .types(let prefix):
                let names = try catalog.typeNames(containing: prefix)
                writeResult(
                    TerminalText.escaped(names.joined(separator: "\n")) + (names.isEmpty ? "" : "\n")
                        + style.dim("\(names.count) type\(names.count == 1 ? "" : "s")") + "\n")
            case .schema(let type):
                writeResult(describeSchema(try catalog.summary(of: type), type: type))
            case .load(let path):
                try load(path)
            case .save(let path):
                try save(path)
            case .time(let expression):
                let start = DispatchTime.now().uptimeNanoseconds
                inputCount += 1
                let succeeded = evaluate(expression, name: "<repl:\(inputCount)>", directory: nil)
                let elapsed = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6
                if succeeded { transcript.append(expression) }
                writeResult(style.dim(String(format: "time: %.3f ms", elapsed)) + "\n")
            case .env:
                let lines = configuration.environmentReport()
                let width = lines.map(\.label.count).max() ?? 0
                writeResult(
                    lines.map {
                        $0.label.padding(toLength: width, withPad: " ", startingAt: 0) + "  " + $0.value
                    }
                    .joined(separator: "\n") + "\n")
            case .all:
                guard let lastResult else {
                    throw MetaCommandError(message: ":all: there is no result to show yet")
                }
                writeResult(try ValuePrinter(style: style, maxItems: nil).render(lastResult).text)
            case .quit:
                exitStatus = 0
            }
        } catch is ScriptInterrupted {
            writeError(style.error("interrupted") + "\n")
        } catch let failure as MetaCommandError {
            writeError(style.error("error:") + " " + TerminalText.escaped(failure.message) + "\n")
        } catch let failure as ScriptError {
            writeError(style.error("error:") + " " + TerminalText.escaped(failure.message) + "\n")
        } catch {
            writeError(style.error("error:") + " " + TerminalText.escaped("\(error)") + "\n")
        }
    }

    private func help(_ name: String) throws {
        var sections: [String] = []
        if let builtin = session.interpreter.registry.builtins[name] { sections.append(builtin.doc) }
        if let module = ModuleHelp(folders: host.stdlibPaths).help(name) {
            sections.append(
                (sections.isEmpty || name.contains(".") ? "" : "the stdlib module '\(name)' (import \"\(name)\"):\n")
                    + module)
        }
        if !sections.isEmpty {
            writeResult(TerminalText.escaped(sections.joined(separator: "\n\n")) + "\n")
        } else if let line = MetaCommand.summary.split(separator: "\n").first(where: {
            $0.hasPrefix(":" + name.trimmingCharacters(in: CharacterSet(charactersIn: ":")) + " ")
        }) {
            writeResult(line + "\n")
        } else if Keyword(rawValue: name) != nil {
            writeResult("'\(name)' is a keyword; docs/LANGUAGE.md describes the syntax.\n")
        } else {
            throw MetaCommandError(message: ":help: no built-in, stdlib module or command named '\(name)'")
        }
    }

    /// `:schema TYPE`: one line per property, with its type and marks. Schemas can come
    /// from DescribeType (a private type's author wrote them): their text is shown escaped.
    func describeSchema(_ summary: SchemaSummary, type: String) -> String {
        let summary = summary.escaped
        var out = style.heading(summary.typeName.isEmpty ? type : summary.typeName) + "\n"
        if !summary.description.isEmpty { out += style.dim(summary.description) + "\n" }
        if !summary.primaryIdentifier.isEmpty {
            out += "primary identifier: " + summary.primaryIdentifier.joined(separator: ", ") + "\n"
        }
        let width = summary.properties.map(\.name.count).max() ?? 0
        let typeWidth = summary.properties.map(\.type.count).max() ?? 0
        for property in summary.properties {
            var marks: [String] = []
            if summary.required.contains(property.name) { marks.append("required") }
            if summary.readOnly.contains(property.name) { marks.append("read-only") }
            if summary.createOnly.contains(property.name) { marks.append("create-only") }
            if summary.writeOnly.contains(property.name) { marks.append("write-only") }
            let star = summary.required.contains(property.name) ? "*" : " "
            out +=
                "  \(star) " + style.key(property.name.padding(toLength: width, withPad: " ", startingAt: 0))
                + "  " + property.type.padding(toLength: typeWidth, withPad: " ", startingAt: 0)
                + (marks.isEmpty ? "" : "  " + style.mark(marks.joined(separator: ", "))) + "\n"
        }
        return out
    }

    /// `:load FILE`: runs the file in the session, so its names stay defined.
    private func load(_ path: String) throws {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw MetaCommandError(message: ":load: cannot read '\(path)'")
        }
        let text = String(decoding: data, as: UTF8.self)
        let folder = (path as NSString).deletingLastPathComponent
        let before = Set(session.names)
        if evaluate(text, name: path, directory: folder.isEmpty ? "." : folder) {
            transcript.append("# :load \(path)\n" + text.trimmingCharacters(in: .newlines))
            let added = session.names.filter { !before.contains($0) && $0 != "_" }
            writeResult(
                style.dim("loaded \(path)" + (added.isEmpty ? "" : ": " + added.joined(separator: ", ")))
                    + "\n")
        }
    }

    /// `:save FILE`: the inputs that ran without error, in order, as a script. Inputs that
    /// use `_` (the last result, which exists only at the prompt) are left out, and counted.
    private func save(_ path: String) throws {
        let kept = transcript.filter { !Repl.usesLastResult($0) }
        let script =
            "# Saved from the ccs REPL: the inputs that ran without error, in order.\n\n"
            + kept.map { $0 + "\n" }.joined()
        guard FileManager.default.createFile(atPath: path, contents: Data(script.utf8)) else {
            throw MetaCommandError(message: ":save: cannot write '\(path)'")
        }
        let left = transcript.count - kept.count
        writeResult(
            style.dim(
                "saved \(kept.count) input\(kept.count == 1 ? "" : "s") to \(path)"
                    + (left == 0 ? "" : " (\(left) using _ left out)")) + "\n")
    }

    /// Whether the input names `_`.
    static func usesLastResult(_ text: String) -> Bool {
        var lexer = Lexer(bytes: Array(text.utf8))
        return lexer.tokenize().contains { $0.kind == .name("_") }
    }
}
