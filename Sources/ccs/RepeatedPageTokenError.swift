import CloudControl

/// The service returned a NextToken it had already returned: following it would never end.
struct RepeatedPageTokenError: Error, CustomStringConvertible {
    let operation: APIOperation
    let token: String

    var description: String { "\(operation) returned the page token \(token) twice; stopping instead of looping" }
}
