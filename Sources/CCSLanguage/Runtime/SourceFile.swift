/// A script's text and the name errors use for it. Kept by the interpreter for as long as
/// functions defined in it may run, so that runtime errors can quote the source line.
public final class SourceFile {
    /// The name shown in diagnostics (the path as given, or "<stdin>", "<eval>").
    public let name: String
    /// The folder imports are resolved against first; nil for stdin and `-e` code (then the
    /// current directory).
    public let directory: String?
    public let bytes: [UInt8]

    public init(name: String, directory: String?, bytes: [UInt8]) {
        self.name = name
        self.directory = directory
        self.bytes = bytes
    }

    /// The source line holding byte `offset`, without its newline, and the caret's position
    /// in it (0-based, in Unicode scalars). Long lines are cut to a window around the offset.
    public func quote(offset: Int) -> (text: String, caret: Int) {
        let at = Swift.max(0, Swift.min(offset, bytes.count))
        var start = at
        while start > 0 && bytes[start - 1] != 0x0A { start -= 1 }
        var end = at
        while end < bytes.count && bytes[end] != 0x0A { end += 1 }
        if end > start && bytes[end - 1] == 0x0D { end -= 1 }
        // A 100 MB one-line script must not print 100 MB: quote at most ~160 bytes.
        if at - start > 80 {
            start = at - 80
            while start < at && bytes[start] & 0xC0 == 0x80 { start += 1 }
        }
        if end - at > 80 {
            end = at + 80
            while end > at && end < bytes.count && bytes[end] & 0xC0 == 0x80 { end -= 1 }
        }
        var caret = 0
        for i in start..<at where bytes[i] & 0xC0 != 0x80 { caret += 1 }
        return (String(decoding: bytes[start..<end], as: UTF8.self), caret)
    }
}
