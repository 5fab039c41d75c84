import CCSLanguage
import Foundation
import JSONCore
import ResourceSchemas

// Completion (textDocument/completion): what `CursorContext` says is being typed decides
// the items, each with a text edit over what was typed so far, so that clients replace
// `AWS::S3::Bu` whole even though `:` is not a word character for them.

extension LanguageServer {
    /// LSP CompletionItemKind values.
    enum ItemKind: Int {
        case function = 3, field = 5, variable = 6, class_ = 7, module = 9, property = 10, keyword = 14, constant = 21
    }

    func completions(in document: TextDocument, at offset: Int) -> [JSONValue] {
        let index = DocumentIndex(bytes: document.bytes)
        let modules = Set(index.symbols.filter { $0.kind == .module }.map(\.name))
        // Every item replaces the same text (what was typed so far): its range, computed once.
        var replacedRange: (start: Int, range: JSONValue)?
        func replaced(_ start: Int) -> JSONValue {
            if let computed = replacedRange, computed.start == start { return computed.range }
            let computed = range(document, start, offset)
            replacedRange = (start, computed)
            return computed
        }
        switch CursorContext.at(offset, in: document, modules: modules) {
        case .none:
            return []
        case .typeName(let start):
            return schemas.types().map { type in
                item(type, kind: .class_, detail: "resource type", edit: replaced(start))
            }
        case .propertyKey(let type, let path, let creating, let start):
            guard let schema = try? schemas.schema(for: type) else { return [] }
            if !path.isEmpty {
                return SchemaNavigation.properties(at: path, in: schema).map { property in
                    let info = NestedPropertyInfo(schema: schema, path: path, name: property.name, node: property.schema)
                    return item(
                        property.name, kind: .property, detail: info.summary, documentation: info.markdown,
                        edit: replaced(start))
                }
            }
            return schema.propertyNames.compactMap { name in
                if creating && schema.isReadOnly(name) { return nil }
                return item(
                    name, kind: .property, detail: PropertyInfo(schema: schema, name: name).summary,
                    documentation: PropertyInfo(schema: schema, name: name).markdown, edit: replaced(start))
            }
        case .member(let module, let start):
            guard let symbol = index.symbols.last(where: { $0.kind == .module && $0.name == module }),
                let path = symbol.importPath, let loaded = loadModule(path, from: document)
            else { return [] }
            return loaded.index.exports.map { export in
                let kind: ItemKind = export.kind == .function ? .function : .variable
                return item(
                    export.name, kind: kind, detail: signature(export),
                    documentation: Self.comment(before: export, in: loaded.document), edit: replaced(start))
            }
        case .name(let start):
            var items: [JSONValue] = []
            var seen: Set<String> = []
            for symbol in index.symbols where symbol.start < offset && seen.insert(symbol.name).inserted {
                let kind: ItemKind = symbol.kind == .function ? .function : symbol.kind == .module ? .module : .variable
                items.append(item(symbol.name, kind: kind, detail: signature(symbol), edit: replaced(start)))
            }
            for name in registry.names where seen.insert(name).inserted {
                if let builtin = registry.builtins[name] {
                    let usage = builtin.doc.split(separator: "\n").first.map(String.init) ?? name
                    items.append(
                        item(name, kind: .function, detail: usage, documentation: builtin.doc, edit: replaced(start)))
                } else {
                    items.append(item(name, kind: .constant, detail: "predefined", edit: replaced(start)))
                }
            }
            for keyword in Keyword.allCases where seen.insert(keyword.rawValue).inserted {
                items.append(item(keyword.rawValue, kind: .keyword, detail: "keyword", edit: replaced(start)))
            }
            return items
        }
    }

    func item(
        _ label: String, kind: ItemKind, detail: String, documentation: String? = nil, edit range: JSONValue
    ) -> JSONValue {
        var fields: JSONObject = [
            "label": .string(label), "kind": .int(kind.rawValue), "detail": .string(detail),
            "textEdit": ["range": range, "newText": .string(label)],
        ]
        if let documentation { fields["documentation"] = ["kind": "markdown", "value": .string(documentation)] }
        return .object(fields)
    }

    func signature(_ symbol: DocumentIndex.Symbol) -> String {
        switch symbol.kind {
        case .function: return "fn \(symbol.name)(\(symbol.parameters.joined(separator: ", ")))"
        case .variable: return "let \(symbol.name)"
        case .module: return "import \"\(symbol.importPath ?? symbol.name)\""
        }
    }

    /// The `#` comment lines right above a declaration, without the `#`.
    static func comment(before symbol: DocumentIndex.Symbol, in document: TextDocument) -> String? {
        var line = document.position(ofOffset: symbol.start).line - 1
        var lines: [String] = []
        while line >= 0 {
            let start = document.lineStarts[line]
            let end = document.lineStarts[line + 1] - 1
            let text = String(decoding: document.bytes[start..<end], as: UTF8.self).trimmingCharacters(in: .whitespaces)
            guard text.hasPrefix("#") else { break }
            lines.insert(String(text.dropFirst()).trimmingCharacters(in: .whitespaces), at: 0)
            line -= 1
        }
        return lines.isEmpty ? nil : lines.joined(separator: "\n")
    }

    /// The module `import "path"` in `document` loads (same search as the interpreter's),
    /// parsed once per modification of its file.
    func loadModule(_ path: String, from document: TextDocument) -> (index: DocumentIndex, document: TextDocument, path: String)? {
        guard let file = ModuleLocator.locate(path, from: document.directoryPath, stdlibPaths: stdlibPaths) else { return nil }
        let date = (try? FileManager.default.attributesOfItem(atPath: file))?[.modificationDate] as? Date
        if let cached = moduleCache[file], cached.date == date { return (cached.index, cached.document, file) }
        guard let data = FileManager.default.contents(atPath: file) else { return nil }
        let module = TextDocument(uri: TextDocument.uri(ofPath: file), text: String(decoding: data, as: UTF8.self))
        let index = DocumentIndex(bytes: module.bytes)
        moduleCache[file] = (date, index, module)
        return (index, module, file)
    }
}

/// What hover and completion say about a property of a resource type's schema.
struct PropertyInfo {
    let schema: ResourceSchema
    let name: String

    var propertySchema: JSONValue? { schema.propertySchema(name) }

    var type: String { SchemaNavigation.typeName(propertySchema, in: schema.document) }

    var flags: [String] {
        var flags: [String] = []
        if schema.required.contains(name) { flags.append("required") }
        if schema.createOnlyProperties.contains(where: { $0.isTopLevel && $0.topLevel == name }) { flags.append("create-only") }
        if schema.isReadOnly(name) { flags.append("read-only") }
        if schema.writeOnlyProperties.contains(where: { $0.isTopLevel && $0.topLevel == name }) { flags.append("write-only") }
        return flags
    }

    var summary: String { ([type] + flags).joined(separator: ", ") }

    var markdown: String {
        var text = "**\(schema.typeName).\(name)**: \(summary)"
        if let description = propertySchema?["description"]?.stringValue ?? schema.document["properties"]?[name]?["description"]?.stringValue {
            text += "\n\n" + description
        }
        return text
    }
}

/// What hover and completion say about a property of a map nested in the properties map:
/// its type, whether the map requires it, and its description.
struct NestedPropertyInfo {
    let schema: ResourceSchema
    let path: [String]
    let name: String
    let node: JSONValue

    var required: Bool {
        SchemaNavigation.node(at: path, in: schema)?["required"]?.arrayValue?.contains(.string(name)) ?? false
    }

    var summary: String { SchemaNavigation.typeName(node, in: schema.document) + (required ? ", required" : "") }

    var markdown: String {
        let shownPath = path.map { $0 == "[]" ? "[]" : "." + $0 }.joined()
        var text = "**\(schema.typeName)\(shownPath).\(name)**: \(summary)"
        if let description = node["description"]?.stringValue, !description.isEmpty { text += "\n\n" + description }
        return text
    }
}
