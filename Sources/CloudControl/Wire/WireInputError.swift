/// A request body (server side) or a `ccs api` JSON input that does not fit the operation's
/// input shape. `path` names the member, e.g. `ResourceRequestStatusFilter.Operations[0]`.
public struct WireInputError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Problem: Sendable, Equatable {
        /// The text is not JSON; `detail` says where the parser stopped, when known.
        case malformedJSON(detail: String)
        /// A required member is absent.
        case missingMember
        /// A member the shape does not have; `suggestion` is the closest known name.
        case unknownMember(suggestion: String?)
        /// A member of the wrong JSON type.
        case wrongType(expected: String, found: String)
    }

    /// The operation whose input was decoded.
    public var operation: APIOperation
    /// The member's path; empty for the document itself.
    public var path: String
    public var problem: Problem

    public init(operation: APIOperation, path: String, problem: Problem) {
        self.operation = operation
        self.path = path
        self.problem = problem
    }

    public var description: String {
        let subject = path.isEmpty ? "the input" : "member \(path)"
        let prefix = "Invalid input for \(operation.rawValue): "
        switch problem {
        case .malformedJSON(let detail):
            return prefix + "not valid JSON" + (detail.isEmpty ? "" : " (\(detail))")
        case .missingMember:
            return prefix + "missing required \(subject)"
        case .unknownMember(let suggestion):
            return prefix + "unknown \(subject)" + (suggestion.map { "; did you mean \($0)?" } ?? "")
        case .wrongType(let expected, let found):
            return prefix + "\(subject) must be \(expected), not \(found)"
        }
    }
}
