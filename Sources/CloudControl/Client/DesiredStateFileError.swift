/// The DesiredState file could not be read.
public struct DesiredStateFileError: Error, Sendable, Equatable, CustomStringConvertible {
    public var path: String
    public var reason: String

    public var description: String { "cannot read DesiredState from \(path): \(reason)" }
}
