import Foundation

/// Where a script's output goes. Buffered; `flush()` writes what is pending.
///
/// A write that fails (a full disk, a closed pipe, /dev/full) is remembered in `failure`, and
/// output after it is dropped: the script runner turns it into an error and a non-zero exit,
/// so output that did not arrive is never reported as a success.
public final class OutputSink {
    private var buffer: [UInt8] = []
    private let writer: ([UInt8]) -> String?
    /// Why the first failed write failed (the OS's reason), nil while every write succeeded.
    public private(set) var failure: String?

    /// A sink handing each flushed chunk to `writer`, which cannot fail.
    public convenience init(writer: @escaping ([UInt8]) -> Void) {
        self.init(checkedWriter: { bytes in
            writer(bytes)
            return nil
        })
    }

    /// A sink handing each flushed chunk to `writer`, which returns why it failed, or nil.
    public init(checkedWriter writer: @escaping ([UInt8]) -> String?) {
        self.writer = writer
    }

    /// A sink writing to the process's standard output.
    public static func standardOutput() -> OutputSink {
        OutputSink(checkedWriter: { bytes in write(bytes, to: stdout) })
    }

    /// A sink writing to the process's standard error.
    public static func standardError() -> OutputSink {
        OutputSink(checkedWriter: { bytes in write(bytes, to: stderr) })
    }

    /// Writes and flushes `bytes` to a C stream; the OS's reason when not all of it arrived.
    private static func write(_ bytes: [UInt8], to stream: UnsafeMutablePointer<FILE>) -> String? {
        let written = bytes.withUnsafeBufferPointer { fwrite($0.baseAddress, 1, $0.count, stream) }
        if written < bytes.count || fflush(stream) != 0 {
            return String(cString: strerror(errno))
        }
        return nil
    }

    public func write(_ text: String) {
        buffer.append(contentsOf: text.utf8)
        if buffer.count >= 1 << 16 { flush() }
    }

    public func flush() {
        guard !buffer.isEmpty else { return }
        if failure == nil {
            failure = writer(buffer)
        }
        buffer.removeAll(keepingCapacity: true)
    }
}

/// The host's side of a script run: where output goes, the script's arguments, the
/// environment, and where `import` looks after the script's own folder.
public final class ScriptHost {
    public let output: OutputSink
    /// Where `eprint` writes (stderr for the CLI).
    public let errorOutput: OutputSink
    /// The script's command-line arguments (the `args` list).
    public let arguments: [String]
    /// Environment variables visible to `env()`.
    public let environment: [String: String]
    /// Folders searched by `import` after the importing script's folder, in order.
    public let stdlibPaths: [String]
    /// Module sources built into the host (the `ccs` binary's stdlib), by module name:
    /// searched after `stdlibPaths`, so a copied binary finds its stdlib with no folder.
    public let embeddedModules: [String: String]

    public init(output: OutputSink, arguments: [String] = [], environment: [String: String] = [:],
                stdlibPaths: [String] = [], errorOutput: OutputSink = .standardError(),
                embeddedModules: [String: String] = [:]) {
        self.output = output
        self.errorOutput = errorOutput
        self.arguments = arguments
        self.environment = environment
        self.stdlibPaths = stdlibPaths
        self.embeddedModules = embeddedModules
    }
}
