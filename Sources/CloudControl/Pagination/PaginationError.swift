/// A paginator that cannot go on.
public struct PaginationError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The operation being paginated.
    public var operation: APIOperation
    /// The NextToken the service returned although the pagination had already followed it.
    public var repeatedToken: String

    public init(operation: APIOperation, repeatedToken: String) {
        self.operation = operation
        self.repeatedToken = repeatedToken
    }

    /// The longest part of the token the message quotes: a token is opaque, and one a server
    /// makes up can be any length.
    static let quotedTokenLength = 64

    /// botocore raises the same condition for two tokens in a row (PageIterator: "The same next
    /// token was received twice"): following a token again would request the same pages forever.
    public var description: String {
        let quoted =
            repeatedToken.count > Self.quotedTokenLength
            ? String(repeatedToken.prefix(Self.quotedTokenLength)) + "... (\(repeatedToken.utf8.count) bytes)"
            : repeatedToken
        return
            "\(operation.rawValue) pagination stopped: the service returned a NextToken it had already returned (\(quoted)); following it again would repeat the same pages forever"
    }
}
