/// The constraints of the service model's string and integer shapes (service-2.json `min`,
/// `max`, `pattern`), checked by each input's `validate()`.
///
/// Patterns are matched against the whole value. The model's patterns are unanchored
/// (Smithy `@pattern` semantics), but an unanchored character class such as
/// `[-A-Za-z0-9+/=]+` would accept any value holding one valid character, which is never what
/// the service accepts; whole-value matching is the useful reading. Patterns that accept any
/// text (`.+`, `[\s\S]*`) are covered by the length checks alone.
struct ParameterRules {
    let operation: APIOperation

    /// Lengths count Unicode scalars, as botocore (Python `len`) and the service do.
    func string(
        _ value: String?, _ parameter: String, min: Int, max: Int, pattern: ParameterPattern? = nil,
        sensitive: Bool = false
    ) throws {
        guard let value else { return }
        let length = value.unicodeScalars.count
        if length < min {
            throw fail(parameter, .minLength(min: min, actual: length))
        }
        if length > max {
            throw fail(parameter, .maxLength(max: max, actual: length))
        }
        if let pattern, !pattern.matches(value) {
            throw fail(parameter, .pattern(pattern: pattern.source, value: sensitive ? nil : value))
        }
    }

    func integer(_ value: Int?, _ parameter: String, min: Int, max: Int) throws {
        guard let value else { return }
        if value < min || value > max {
            throw fail(parameter, .range(min: min, max: max, actual: value))
        }
    }

    func member<E: OpenStringEnum>(_ value: E, _ parameter: String) throws {
        if !value.isKnown {
            throw fail(parameter, .enumMember(value: value.rawValue, allowed: E.knownValues.map(\.rawValue)))
        }
    }

    func fail(_ parameter: String, _ rule: ParameterValidationError.Rule) -> ParameterValidationError {
        ParameterValidationError(operation: operation, parameter: parameter, rule: rule)
    }
}
