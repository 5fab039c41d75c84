/// A paginator that cannot go on.
public struct PaginationError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The operation being paginated.
    public var operation: APIOperation
    /// The NextToken the service returned twice in a row.
    public var repeatedToken: String

    public init(operation: APIOperation, repeatedToken: String) {
        self.operation = operation
        self.repeatedToken = repeatedToken
    }

    /// botocore raises the same condition (PageIterator: "The same next token was received
    /// twice"): following it again would loop forever.
    public var description: String {
        "\(operation.rawValue) pagination stopped: the service returned the same NextToken twice in a row (\(repeatedToken))"
    }
}
