/// A malformed `--faults` entry.
public struct FaultPlanError: Error, Sendable, Equatable, CustomStringConvertible {
    public var entry: String
    public var message: String
    public var description: String { "invalid fault spec entry '\(entry)': \(message)" }
}
