import CCSLanguage
import Foundation
import JSONCore
import ResourceSchemas

// Hover, go to definition and document symbols.

extension LanguageServer {
    func hover(in document: TextDocument, at offset: Int) -> JSONValue? {
        if let string = Self.string(around: offset, in: document.bytes),
            let schema = try? schemas.schema(for: string.text)
        {
            return ["contents": ["kind": "markdown", "value": .string(Self.typeSummary(schema))],
                    "range": range(document, string.start, string.end)]
        }
        guard let word = document.word(at: offset), let text = describe(word, in: document) else { return nil }
        return ["contents": ["kind": "markdown", "value": .string(text)], "range": range(document, word.start, word.end)]
    }

    /// What hover says about a name: a key of a create or patch map (from the schema), a
    /// module's member, the script's own declaration, or a built-in.
    func describe(_ word: (text: String, start: Int, end: Int), in document: TextDocument) -> String? {
        if Self.followedByColon(word.end, in: document.bytes),
            let map = CursorContext.enclosingPropertiesMap(before: word.start, in: document.bytes),
            let schema = try? schemas.schema(for: map.type)
        {
            if map.path.isEmpty {
                return schema.propertyNames.contains(word.text) ? PropertyInfo(schema: schema, name: word.text).markdown : nil
            }
            let property = SchemaNavigation.properties(at: map.path, in: schema).first { $0.name == word.text }
            return property.map { NestedPropertyInfo(schema: schema, path: map.path, name: word.text, node: $0.schema).markdown }
        }
        let index = DocumentIndex(bytes: document.bytes)
        if let member = moduleMember(word, in: document, index: index) {
            return "```ccs\n\(signature(member.symbol))\n```"
                + (Self.comment(before: member.symbol, in: member.document).map { "\n\n" + $0 } ?? "")
        }
        if let symbol = index.definition(of: word.text, before: word.start) {
            return "```ccs\n\(signature(symbol))\n```" + (Self.comment(before: symbol, in: document).map { "\n\n" + $0 } ?? "")
        }
        return registry.builtins[word.text]?.doc
    }

    func definition(in document: TextDocument, at offset: Int) -> JSONValue? {
        let index = DocumentIndex(bytes: document.bytes)
        // On the path of an import: the module's file.
        if let module = index.symbols.first(where: { $0.kind == .module && $0.start <= offset && offset <= $0.end }),
            let path = module.importPath, let loaded = loadModule(path, from: document)
        {
            return location(loaded.document, 0, 0)
        }
        guard let word = document.word(at: offset) else { return nil }
        if let member = moduleMember(word, in: document, index: index) {
            return location(member.document, member.symbol.nameStart, member.symbol.nameEnd)
        }
        guard let symbol = index.definition(of: word.text, before: word.start) else { return nil }
        if symbol.kind == .module, symbol.nameStart <= word.start, word.end <= symbol.nameEnd,
            let path = symbol.importPath, let loaded = loadModule(path, from: document)
        {
            return location(loaded.document, 0, 0)
        }
        return location(document, symbol.nameStart, symbol.nameEnd)
    }

    func location(_ document: TextDocument, _ start: Int, _ end: Int) -> JSONValue {
        ["uri": .string(document.uri), "range": range(document, start, end)]
    }

    /// `alias.member` with `word` the member of an imported module: the member's declaration.
    func moduleMember(_ word: (text: String, start: Int, end: Int), in document: TextDocument, index: DocumentIndex)
        -> (symbol: DocumentIndex.Symbol, document: TextDocument)?
    {
        let bytes = document.bytes
        guard word.start > 0, bytes[word.start - 1] == UInt8(ascii: "."),
            let alias = document.word(at: word.start - 1),
            let module = index.symbols.last(where: { $0.kind == .module && $0.name == alias.text }),
            let path = module.importPath, let loaded = loadModule(path, from: document),
            let symbol = loaded.index.exports.first(where: { $0.name == word.text })
        else { return nil }
        return (symbol, loaded.document)
    }

    /// The text of the string literal (on one line) the offset is in, with its byte range.
    static func string(around offset: Int, in bytes: [UInt8]) -> (text: String, start: Int, end: Int)? {
        guard let start = CursorContext.openString(before: offset, in: bytes), start > 0 else { return nil }
        let quote = bytes[start - 1]
        var end = offset
        while end < bytes.count && bytes[end] != quote && bytes[end] != 0x0A {
            if bytes[end] == UInt8(ascii: "\\") { return nil }
            end += 1
        }
        guard end < bytes.count, bytes[end] == quote else { return nil }
        return (String(decoding: bytes[start..<end], as: UTF8.self), start, end)
    }

    /// A resource type's hover: its description, identifier and what cannot change.
    static func typeSummary(_ schema: ResourceSchema) -> String {
        var text = "**\(schema.typeName)**"
        if let description = schema.document["description"]?.stringValue { text += "\n\n" + description }
        let identifier = schema.primaryIdentifier.map { $0.tokens.joined(separator: "/") }
        if !identifier.isEmpty { text += "\n\nIdentifier: " + identifier.joined(separator: " | ") }
        let createOnly = schema.createOnlyProperties.map { $0.tokens.joined(separator: "/") }
        if !createOnly.isEmpty { text += "\n\nCreate-only: " + createOnly.joined(separator: ", ") }
        return text
    }

    static func followedByColon(_ offset: Int, in bytes: [UInt8]) -> Bool {
        var index = offset
        while index < bytes.count && (bytes[index] == 0x20 || bytes[index] == 0x09) { index += 1 }
        return index < bytes.count && bytes[index] == UInt8(ascii: ":")
    }

    /// DocumentSymbol[]: functions, variables and imports, each nested in the function that
    /// declares it.
    func documentSymbols(_ document: TextDocument) -> [JSONValue] {
        let symbols = DocumentIndex(bytes: document.bytes).symbols
        func children(among candidates: ArraySlice<DocumentIndex.Symbol>) -> [JSONValue] {
            var result: [JSONValue] = []
            var index = candidates.startIndex
            while index < candidates.endIndex {
                let symbol = candidates[index]
                var last = index + 1
                if symbol.kind == .function {
                    while last < candidates.endIndex && candidates[last].start < symbol.end { last += 1 }
                }
                let kind = symbol.kind == .function ? 12 : symbol.kind == .module ? 2 : 13
                var fields: JSONObject = [
                    "name": .string(symbol.name), "kind": .int(kind), "detail": .string(signature(symbol)),
                    "range": range(document, symbol.start, symbol.end),
                    "selectionRange": range(document, symbol.nameStart, symbol.nameEnd),
                ]
                let nested = children(among: candidates[(index + 1)..<last])
                if !nested.isEmpty { fields["children"] = .array(nested) }
                result.append(.object(fields))
                index = last
            }
            return result
        }
        return children(among: symbols[...])
    }
}
