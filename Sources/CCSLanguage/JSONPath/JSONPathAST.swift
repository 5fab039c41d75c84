/// The parsed form of an RFC 9535 query. Enums and final classes with `let` children, so
/// the evaluator's inner loop switches over concrete cases (STYLE.md §8).

/// A query: `$` or `@` followed by segments (RFC 9535 §2.1, §2.3.5: filter queries).
struct PathQuery {
    /// `$` (true) or `@` (false).
    let absolute: Bool
    let segments: [PathSegment]
    /// The steps of a singular query (§2.3.5.1: only name and index selectors, one per child
    /// segment), walked without building node lists; nil when the query is not singular.
    let singularSteps: [SingularStep]?

    init(absolute: Bool, segments: [PathSegment]) {
        self.absolute = absolute
        self.segments = segments
        var steps: [SingularStep] = []
        for segment in segments {
            guard !segment.descendant, segment.selectors.count == 1 else {
                singularSteps = nil
                return
            }
            switch segment.selectors[0] {
            case .name(let name): steps.append(.name(name))
            case .index(let index): steps.append(.index(index))
            default:
                singularSteps = nil
                return
            }
        }
        singularSteps = steps
    }
}

enum SingularStep {
    case name(String)
    case index(Int)
}

/// child-segment or descendant-segment (§2.5), each with its selectors in order.
struct PathSegment {
    let descendant: Bool
    let selectors: [PathSelector]
}

/// selector (§2.3).
enum PathSelector {
    case name(String)
    case wildcard
    case index(Int)
    case slice(start: Int?, end: Int?, step: Int?)
    case filter(LogicalExpression)
}

/// logical-expr (§2.3.5.1) after type checking: every leaf is a test or a comparison.
indirect enum LogicalExpression {
    case or([LogicalExpression])
    case and([LogicalExpression])
    case not(LogicalExpression)
    /// An existence test: true when the query selects at least one node.
    case exists(PathQuery)
    /// A function whose result is LogicalType, or NodesType (true when non-empty).
    case function(FunctionCall)
    case comparison(Comparable, ComparisonOperator, Comparable)
}

/// comparable (§2.3.5.1): a literal, a singular query or a ValueType function.
enum Comparable {
    case literal(Value)
    case query(PathQuery)
    case function(FunctionCall)
}

enum ComparisonOperator: String {
    case equal = "==", notEqual = "!=", less = "<", lessOrEqual = "<=", greater = ">", greaterOrEqual = ">="
}

/// The declared parameter types of the five functions of §2.4 (none takes LogicalType).
enum FunctionParameter: String {
    case value = "ValueType", nodes = "NodesType"
}

/// The declared result types of the five functions of §2.4 (none returns NodesType).
enum FunctionResult: String {
    case value = "ValueType", logical = "LogicalType"
}

/// The function extensions of §2.4.4–2.4.8.
enum PathFunction: String {
    case length, count, match, search, value

    var parameters: [FunctionParameter] {
        switch self {
        case .length: return [.value]
        case .count, .value: return [.nodes]
        case .match, .search: return [.value, .value]
        }
    }

    var result: FunctionResult {
        switch self {
        case .length, .count, .value: return .value
        case .match, .search: return .logical
        }
    }
}

/// A function argument after conversion to its parameter's declared type (§2.4.3).
enum FunctionArgument {
    case value(Comparable)
    case nodes(PathQuery)
}

final class FunctionCall {
    let function: PathFunction
    let arguments: [FunctionArgument]
    /// For match and search with a literal pattern: compiled once at parse time. (An
    /// invalid literal pattern makes the function false, §2.4.6, so it is not an error.)
    let literalPattern: IRegexp?

    init(function: PathFunction, arguments: [FunctionArgument]) {
        self.function = function
        self.arguments = arguments
        if arguments.count == 2, case .value(.literal(.string(let pattern))) = arguments[1] {
            literalPattern = IRegexp(pattern)
        } else {
            literalPattern = nil
        }
    }
}
