import CCSLanguage
import Foundation

/// An open document: its text as bytes, and the map between byte offsets (what the lexer's
/// locations hold) and LSP positions (0-based line, character in UTF-16 code units, the
/// protocol's default `positionEncoding`).
struct TextDocument {
    let uri: String
    let bytes: [UInt8]
    /// The byte offset where each line starts.
    let lineStarts: [Int]

    init(uri: String, text: String) {
        self.uri = uri
        self.bytes = Array(text.utf8)
        var starts = [0]
        for (index, byte) in bytes.enumerated() where byte == 0x0A { starts.append(index + 1) }
        self.lineStarts = starts
    }

    var text: String { String(decoding: bytes, as: UTF8.self) }

    /// The LSP position of a byte offset (clamped to the text).
    func position(ofOffset offset: Int) -> (line: Int, character: Int) {
        let at = max(0, min(offset, bytes.count))
        var low = 0
        var high = lineStarts.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if lineStarts[middle] <= at { low = middle } else { high = middle - 1 }
        }
        let prefix = String(decoding: bytes[lineStarts[low]..<at], as: UTF8.self)
        return (low, prefix.utf16.count)
    }

    /// The byte offset of an LSP position; a character past the line's end is its end.
    func offset(line: Int, character: Int) -> Int {
        guard line >= 0 else { return 0 }
        guard line < lineStarts.count else { return bytes.count }
        let start = lineStarts[line]
        var end = line + 1 < lineStarts.count ? lineStarts[line + 1] - 1 : bytes.count
        if end > start && bytes[end - 1] == 0x0D { end -= 1 }
        var units = 0
        var index = start
        while index < end && units < character {
            let byte = bytes[index]
            let width = byte < 0x80 ? 1 : byte < 0xE0 ? 2 : byte < 0xF0 ? 3 : 4
            units += width == 4 ? 2 : 1
            index += width
        }
        return min(index, end)
    }

    /// The identifier (letters, digits, `_`) around `offset`, with its byte range.
    func word(at offset: Int) -> (text: String, start: Int, end: Int)? {
        var start = min(offset, bytes.count)
        while start > 0 && Self.isWordByte(bytes[start - 1]) { start -= 1 }
        var end = min(offset, bytes.count)
        while end < bytes.count && Self.isWordByte(bytes[end]) { end += 1 }
        guard end > start, !(0x30...0x39).contains(bytes[start]) else { return nil }
        return (String(decoding: bytes[start..<end], as: UTF8.self), start, end)
    }

    static func isWordByte(_ byte: UInt8) -> Bool {
        (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte) || byte == 0x5F
    }

    var source: SourceFile { SourceFile(name: uri, directory: directoryPath, bytes: bytes) }

    /// The folder of a `file://` document, for resolving its imports.
    var directoryPath: String? {
        guard let path = Self.path(ofURI: uri) else { return nil }
        guard let slash = path.lastIndex(of: "/") else { return nil }
        return String(path[..<slash])
    }

    /// The path of a `file://` URI, percent-decoded.
    static func path(ofURI uri: String) -> String? {
        guard uri.hasPrefix("file://") else { return nil }
        return String(uri.dropFirst("file://".count)).removingPercentEncoding
    }

    static func uri(ofPath path: String) -> String {
        "file://" + (path.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? path)
    }
}
