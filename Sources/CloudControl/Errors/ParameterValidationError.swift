/// An input that breaks a constraint of the service model, found before anything is sent.
///
/// The message names the operation, the parameter (its wire name, with a path for nested
/// members, e.g. `ResourceRequestStatusFilter.Operations[0]`) and the rule that failed.
/// Values of sensitive members (DesiredState, PatchDocument, ResourceModel) are never shown.
public struct ParameterValidationError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The constraint that failed.
    public enum Rule: Sendable, Equatable {
        /// A required member is missing.
        case required
        /// A string (or list) is shorter than the model's `min`.
        case minLength(min: Int, actual: Int)
        /// A string is longer than the model's `max`.
        case maxLength(max: Int, actual: Int)
        /// A string does not match the model's `pattern`; `value` is nil for sensitive members.
        case pattern(pattern: String, value: String?)
        /// An integer lies outside the model's `min`...`max`.
        case range(min: Int, max: Int, actual: Int)
        /// A value that is not a member of the enum.
        case enumMember(value: String, allowed: [String])
    }

    /// The operation whose input was checked.
    public var operation: APIOperation
    /// The parameter's wire name or path, e.g. `TypeName`.
    public var parameter: String
    /// The rule the value broke.
    public var rule: Rule

    public init(operation: APIOperation, parameter: String, rule: Rule) {
        self.operation = operation
        self.parameter = parameter
        self.rule = rule
    }

    public var description: String {
        "Parameter validation failed for \(operation.rawValue): " + ruleDescription
    }

    private var ruleDescription: String {
        switch rule {
        case .required:
            return "missing required parameter \(parameter)"
        case .minLength(let min, let actual):
            return "invalid length for parameter \(parameter): length \(actual), must be at least \(min)"
        case .maxLength(let max, let actual):
            return "invalid length for parameter \(parameter): length \(actual), must be at most \(max)"
        case .pattern(let pattern, let value):
            let shown = value.map { " (value: \"\($0)\")" } ?? ""
            return "invalid value for parameter \(parameter)\(shown): must match pattern \(pattern)"
        case .range(let min, let max, let actual):
            return
                "invalid range for parameter \(parameter): value \(actual), must be between \(min) and \(max)"
        case .enumMember(let value, let allowed):
            return "invalid value for parameter \(parameter): \"\(value)\" is not one of "
                + allowed.joined(separator: ", ")
        }
    }
}
