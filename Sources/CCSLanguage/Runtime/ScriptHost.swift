import Foundation

/// Where a script's output goes. Buffered; `flush()` writes what is pending.
public final class OutputSink {
    private var buffer: [UInt8] = []
    private let writer: ([UInt8]) -> Void

    /// A sink handing each flushed chunk to `writer`.
    public init(writer: @escaping ([UInt8]) -> Void) {
        self.writer = writer
    }

    /// A sink writing to the process's standard output.
    public static func standardOutput() -> OutputSink {
        OutputSink { bytes in
            bytes.withUnsafeBufferPointer { pointer in
                _ = fwrite(pointer.baseAddress, 1, pointer.count, stdout)
            }
            fflush(stdout)
        }
    }

    /// A sink writing to the process's standard error.
    public static func standardError() -> OutputSink {
        OutputSink { bytes in
            bytes.withUnsafeBufferPointer { pointer in
                _ = fwrite(pointer.baseAddress, 1, pointer.count, stderr)
            }
            fflush(stderr)
        }
    }

    public func write(_ text: String) {
        buffer.append(contentsOf: text.utf8)
        if buffer.count >= 1 << 16 { flush() }
    }

    public func flush() {
        guard !buffer.isEmpty else { return }
        writer(buffer)
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

    public init(output: OutputSink, arguments: [String] = [], environment: [String: String] = [:],
                stdlibPaths: [String] = [], errorOutput: OutputSink = .standardError()) {
        self.output = output
        self.errorOutput = errorOutput
        self.arguments = arguments
        self.environment = environment
        self.stdlibPaths = stdlibPaths
    }
}
