import CCSLanguage
import Foundation
import JSONCore
import ResourceSchemas

/// `ccs lsp`: a Language Server Protocol server for .ccs scripts over one JSON-RPC
/// connection. Diagnostics come from the language's own front end (`SourceCheck`), so an
/// editor shows what `ccs FILE` would report before running; completion, hover and
/// definitions come from the script's tokens (`DocumentIndex`, `CursorContext`), the
/// built-ins' docs and the resource schemas. Requests are answered in order, one at a time.
public final class LanguageServer {
    let connection: JSONRPCConnection
    let registry: BuiltinRegistry
    let schemas: SchemaRegistry
    let stdlibPaths: [String]
    var documents: [String: TextDocument] = [:]
    var shutdownRequested = false
    /// Parsed modules by path, with the file's modification date (re-read when it changes).
    var moduleCache: [String: (date: Date?, index: DocumentIndex, document: TextDocument)] = [:]

    /// `registry` holds the predefined names scripts see (the same as `ccs FILE`), `schemas`
    /// the resource types, `stdlibPaths` where `import "name"` looks after the script's folder.
    public init(connection: JSONRPCConnection, registry: BuiltinRegistry, schemas: SchemaRegistry, stdlibPaths: [String]) {
        self.connection = connection
        self.registry = registry
        self.schemas = schemas
        self.stdlibPaths = stdlibPaths
    }

    /// Serves until `exit` or the end of input; returns the process's exit status (0 after
    /// `shutdown` then `exit`, 1 otherwise, as the protocol asks).
    public func run() -> Int32 {
        while true {
            let message: JSONValue?
            do {
                message = try connection.read()
            } catch {
                FileHandle.standardError.write(Data("ccs lsp: \(error)\n".utf8))
                return 1
            }
            guard let message else { return shutdownRequested ? 0 : 1 }
            if message["method"]?.stringValue == "exit" { return shutdownRequested ? 0 : 1 }
            handle(message)
        }
    }

    func handle(_ message: JSONValue) {
        guard let method = message["method"]?.stringValue else { return }
        let params = message["params"] ?? .null
        let id = message["id"]
        do {
            let result = try dispatch(method, params)
            if let id {
                guard let result else {
                    connection.write(Self.error(id: id, code: -32601, message: "method not found: \(method)"))
                    return
                }
                connection.write(["jsonrpc": "2.0", "id": id, "result": result])
            }
        } catch {
            if let id { connection.write(Self.error(id: id, code: -32602, message: "\(error)")) }
        }
    }

    /// The result of a request (`.null` for none), nil for a method this server does not have.
    /// Notifications return `.null` and their result is dropped.
    func dispatch(_ method: String, _ params: JSONValue) throws -> JSONValue? {
        switch method {
        case "initialize": return Self.capabilities
        case "initialized", "$/cancelRequest", "$/setTrace", "workspace/didChangeConfiguration": return .null
        case "shutdown":
            shutdownRequested = true
            return .null
        case "textDocument/didOpen":
            guard let uri = params["textDocument"]?["uri"]?.stringValue,
                let text = params["textDocument"]?["text"]?.stringValue
            else { throw LanguageServerError("didOpen without textDocument.uri and text") }
            open(uri: uri, text: text)
            return .null
        case "textDocument/didChange":
            // Full synchronisation (capabilities): the last change holds the whole text.
            guard let uri = params["textDocument"]?["uri"]?.stringValue,
                let text = params["contentChanges"]?.arrayValue?.last?["text"]?.stringValue
            else { throw LanguageServerError("didChange without textDocument.uri and a full text") }
            open(uri: uri, text: text)
            return .null
        case "textDocument/didClose":
            if let uri = params["textDocument"]?["uri"]?.stringValue {
                documents[uri] = nil
                publish(uri: uri, diagnostics: [])
            }
            return .null
        case "textDocument/didSave": return .null
        case "textDocument/completion":
            let (document, offset) = try locate(params)
            return .object(["isIncomplete": false, "items": .array(completions(in: document, at: offset))])
        case "textDocument/hover":
            let (document, offset) = try locate(params)
            return hover(in: document, at: offset) ?? .null
        case "textDocument/definition":
            let (document, offset) = try locate(params)
            return definition(in: document, at: offset) ?? .null
        case "textDocument/documentSymbol":
            guard let uri = params["textDocument"]?["uri"]?.stringValue, let document = documents[uri] else {
                throw LanguageServerError("documentSymbol for a document that is not open")
            }
            return .array(documentSymbols(document))
        default:
            return nil
        }
    }

    static let capabilities: JSONValue = [
        "capabilities": [
            "positionEncoding": "utf-16",
            "textDocumentSync": ["openClose": true, "change": 1],
            "completionProvider": ["triggerCharacters": [".", "\"", ":"]],
            "hoverProvider": true,
            "definitionProvider": true,
            "documentSymbolProvider": true,
        ],
        "serverInfo": ["name": "ccs lsp"],
    ]

    func open(uri: String, text: String) {
        let document = TextDocument(uri: uri, text: text)
        documents[uri] = document
        let diagnostics = SourceCheck.errors(in: document.source, registry: registry).map { error -> JSONValue in
            let end = Self.errorEnd(error.location.offset, in: document.bytes)
            return [
                "range": range(document, error.location.offset, end), "severity": 1, "source": "ccs",
                "message": .string(error.message),
            ]
        }
        publish(uri: uri, diagnostics: diagnostics + unknownTypes(in: document))
    }

    /// A note on each type name given to a Cloud Control built-in that no schema describes
    /// (a typo, usually): which types of that service there are. Information, not an error:
    /// against AWS, a type without a shipped schema may still exist (`schema()` asks
    /// DescribeType for it).
    func unknownTypes(in document: TextDocument) -> [JSONValue] {
        var lexer = Lexer(bytes: document.bytes)
        let tokens = lexer.tokenize()
        var notes: [JSONValue] = []
        for index in tokens.indices.dropFirst(2) {
            guard case .string(let name) = tokens[index].kind, tokens[index].template == nil,
                case .punct(.lparen) = tokens[index - 1].kind, case .name(let function) = tokens[index - 2].kind,
                CursorContext.typeFunctions.contains(function), Self.looksLikeTypeName(name), !schemas.contains(name)
            else { continue }
            let service = name.components(separatedBy: "::").prefix(2).joined(separator: "::") + "::"
            let siblings = schemas.types().filter { $0.hasPrefix(service) }.map { String($0.dropFirst(service.count)) }
            let known = siblings.isEmpty
                ? "no type of \(service.dropLast(2)) is known either"
                : "the \(service.dropLast(2)) types are " + siblings.prefix(12).joined(separator: ", ") + (siblings.count > 12 ? ", …" : "")
            let start = tokens[index].location.offset
            notes.append([
                "range": range(document, start, start + name.utf8.count + 2), "severity": 3, "source": "ccs",
                "message": .string("no schema describes '\(name)' (shipped or in --schemas folders); \(known)"),
            ])
        }
        return notes
    }

    /// `A::B::C`: three parts of letters and digits (`::MODULE` types have four).
    static func looksLikeTypeName(_ text: String) -> Bool {
        let parts = text.components(separatedBy: "::")
        return (parts.count == 3 || parts.count == 4)
            && parts.allSatisfy { !$0.isEmpty && $0.unicodeScalars.allSatisfy { $0.properties.isAlphabetic || ("0"..."9").contains($0) } }
    }

    /// An error covers the name or token it points at: a run of name characters, else one
    /// character (never past the end of its line).
    static func errorEnd(_ offset: Int, in bytes: [UInt8]) -> Int {
        var end = offset
        while end < bytes.count && TextDocument.isWordByte(bytes[end]) { end += 1 }
        if end == offset && offset < bytes.count && bytes[offset] != 0x0A { end += 1 }
        while end < bytes.count && end > offset && bytes[end] & 0xC0 == 0x80 { end += 1 }
        return end
    }

    func publish(uri: String, diagnostics: [JSONValue]) {
        connection.write([
            "jsonrpc": "2.0", "method": "textDocument/publishDiagnostics",
            "params": ["uri": .string(uri), "diagnostics": .array(diagnostics)],
        ])
    }

    func locate(_ params: JSONValue) throws -> (TextDocument, Int) {
        guard let uri = params["textDocument"]?["uri"]?.stringValue, let document = documents[uri] else {
            throw LanguageServerError("the document is not open (send textDocument/didOpen first)")
        }
        guard let line = params["position"]?["line"]?.intValue, let character = params["position"]?["character"]?.intValue
        else { throw LanguageServerError("a request without position.line and position.character") }
        return (document, document.offset(line: line, character: character))
    }

    func range(_ document: TextDocument, _ start: Int, _ end: Int) -> JSONValue {
        let from = document.position(ofOffset: start)
        let to = document.position(ofOffset: end)
        return [
            "start": ["line": .int(from.line), "character": .int(from.character)],
            "end": ["line": .int(to.line), "character": .int(to.character)],
        ]
    }

    static func error(id: JSONValue, code: Int, message: String) -> JSONValue {
        ["jsonrpc": "2.0", "id": id, "error": ["code": .int(code), "message": .string(message)]]
    }
}

/// A request this server cannot answer as asked; sent back as an InvalidParams error.
struct LanguageServerError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
