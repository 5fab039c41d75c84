import Foundation

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// A parsed XML element: its local name, its text (character data directly inside it) and its
/// child elements, in document order. awsQuery answers are small, so the whole tree is built.
public struct XMLElementTree: Sendable, Equatable {
    public var name: String
    public var text: String
    public var children: [XMLElementTree]

    public init(name: String, text: String = "", children: [XMLElementTree] = []) {
        self.name = name
        self.text = text
        self.children = children
    }

    /// The first child named `name`.
    public func child(_ name: String) -> XMLElementTree? {
        children.first { $0.name == name }
    }

    /// The text of the child at `path` (e.g. `["Error", "Code"]`), nil if it is absent.
    public func text(at path: [String]) -> String? {
        var element = self
        for name in path {
            guard let next = element.child(name) else { return nil }
            element = next
        }
        return element.text
    }

    /// Parses `bytes` with Foundation's XMLParser; throws `XMLTreeError` with the parser's line
    /// and column when the document is not well-formed.
    public static func parse(_ bytes: [UInt8]) throws -> XMLElementTree {
        let parser = XMLParser(data: Data(bytes))
        let builder = Builder()
        parser.delegate = builder
        // Namespaces are reported so element names arrive without prefixes; external
        // entities are never resolved (the answer comes from the network).
        parser.shouldProcessNamespaces = true
        parser.shouldResolveExternalEntities = false
        guard parser.parse(), let root = builder.root else {
            throw XMLTreeError(
                line: parser.lineNumber, column: parser.columnNumber,
                reason: parser.parserError.map { "\($0.localizedDescription)" } ?? "no root element")
        }
        return root
    }

    /// Collects the tree from the parser's events.
    private final class Builder: NSObject, XMLParserDelegate {
        var stack: [XMLElementTree] = []
        var root: XMLElementTree?

        func parser(
            _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
            qualifiedName: String?, attributes: [String: String] = [:]
        ) {
            stack.append(XMLElementTree(name: elementName))
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            guard !stack.isEmpty else { return }
            stack[stack.count - 1].text += string
        }

        func parser(_ parser: XMLParser, foundCDATA CDATABlock: Data) {
            guard !stack.isEmpty else { return }
            stack[stack.count - 1].text += String(decoding: CDATABlock, as: UTF8.self)
        }

        func parser(
            _ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?
        ) {
            guard let finished = stack.popLast() else { return }
            if stack.isEmpty {
                root = finished
            } else {
                stack[stack.count - 1].children.append(finished)
            }
        }
    }
}
