import JSONCore

/// Decides whether an acceptor matches one attempt's outcome (botocore/waiter.py,
/// AcceptorConfig matchers).
///
/// Path expressions are the JMESPath subset waiters use: member names joined by `.`, each
/// optionally followed by `[]` to flatten a list and project the rest of the path over its
/// elements (`Items[].Status`). An expression outside the subset matches nothing.
struct AcceptorEvaluator {
    /// The outcome of one attempt: the output as JSON (members by wire name), or the error.
    enum Outcome {
        case output(JSONValue)
        case error(CloudControlError)
    }

    func matches(_ acceptor: WaiterAcceptor, _ outcome: Outcome) -> Bool {
        switch (acceptor.matcher, outcome) {
        case (.path(let expression), .output(let json)):
            guard let value = Self.evaluate(expression, json) else { return false }
            return Self.equals(value, acceptor.expected)
        case (.pathAll(let expression), .output(let json)):
            guard case .array(let elements)? = Self.evaluate(expression, json), !elements.isEmpty else {
                return false
            }
            return elements.allSatisfy { Self.equals($0, acceptor.expected) }
        case (.pathAny(let expression), .output(let json)):
            guard case .array(let elements)? = Self.evaluate(expression, json) else { return false }
            return elements.contains { Self.equals($0, acceptor.expected) }
        case (.status, .output):
            return acceptor.expected == .number(200)
        case (.status, .error(let error)):
            return acceptor.expected == .number(Double(error.httpStatus))
        case (.error, .error(let error)):
            return acceptor.expected == .string(error.code.wireName)
        default:
            return false
        }
    }

    /// The value of `expression` in `json`, or nil when a member is absent.
    static func evaluate(_ expression: String, _ json: JSONValue) -> JSONValue? {
        let steps = expression.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        return evaluate(steps[...], json)
    }

    private static func evaluate(_ steps: ArraySlice<String>, _ json: JSONValue) -> JSONValue? {
        guard let step = steps.first else { return json }
        let rest = steps.dropFirst()
        if step.hasSuffix("[]") {
            let name = String(step.dropLast(2))
            let target = name.isEmpty ? json : json[name]
            guard case .array(let elements)? = target else { return nil }
            // A projection drops elements for which the rest of the path yields nothing.
            var projected: [JSONValue] = []
            for element in elements {
                guard let value = evaluate(rest, element), value != .null else { continue }
                if case .array(let inner) = value, rest.last?.hasSuffix("[]") == true {
                    projected.append(contentsOf: inner)
                } else {
                    projected.append(value)
                }
            }
            return .array(projected)
        }
        guard !step.isEmpty, let value = json[step] else { return nil }
        return evaluate(rest, value)
    }

    static func equals(_ value: JSONValue, _ expected: WaiterExpected) -> Bool {
        switch (value, expected) {
        case (.string(let a), .string(let b)): return a == b
        case (.bool(let a), .bool(let b)): return a == b
        case (.int, .number(let b)), (.double, .number(let b)): return value.doubleValue == b
        default: return false
        }
    }
}
