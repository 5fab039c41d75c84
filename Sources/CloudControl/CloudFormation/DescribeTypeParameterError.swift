/// A `DescribeType` parameter breaks the model's constraints; nothing was sent.
public struct DescribeTypeParameterError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The parameter's model name, e.g. `TypeName`.
    public var parameter: String
    public var problem: String

    public var description: String {
        "Parameter validation failed for DescribeType: invalid \(parameter): \(problem)"
    }
}
