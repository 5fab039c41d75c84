import JSONCore

extension SchemaValidator {
    func checkString(
        _ string: String, _ s: JSONObject, at path: JSONPointer, into issues: inout [ValidationIssue]
    ) {
        // Lengths count Unicode code points (JSON Schema validation §6.3.1).
        let length = string.unicodeScalars.count
        if let min = s["minLength"]?.intValue, length < min {
            issues.append(
                ValidationIssue(
                    path: path, message: "string is \(length) characters long, the minimum is \(min)"))
        }
        if let max = s["maxLength"]?.intValue, length > max {
            issues.append(
                ValidationIssue(
                    path: path, message: "string is \(length) characters long, the maximum is \(max)"))
        }
        if let pattern = s["pattern"]?.stringValue {
            do {
                if try !regex.matches(pattern, string) {
                    issues.append(
                        ValidationIssue(
                            path: path,
                            message: "\(JSONValue.string(string)) does not match the pattern \(pattern)"))
                }
            } catch {
                issues.append(ValidationIssue(path: path, message: "schema error: \(error)"))
            }
        }
    }

    func checkNumber(
        _ value: JSONValue, _ s: JSONObject, at path: JSONPointer, into issues: inout [ValidationIssue]
    ) {
        guard let n = value.doubleValue else { return }
        if let min = s["minimum"], let m = min.doubleValue, n < m {
            issues.append(ValidationIssue(path: path, message: "\(value) is less than the minimum \(min)"))
        }
        if let max = s["maximum"], let m = max.doubleValue, n > m {
            issues.append(ValidationIssue(path: path, message: "\(value) is greater than the maximum \(max)"))
        }
        if let min = s["exclusiveMinimum"], let m = min.doubleValue, n <= m {
            issues.append(ValidationIssue(path: path, message: "\(value) must be greater than \(min)"))
        }
        if let max = s["exclusiveMaximum"], let m = max.doubleValue, n >= m {
            issues.append(ValidationIssue(path: path, message: "\(value) must be less than \(max)"))
        }
        if let step = s["multipleOf"], let m = step.doubleValue, m > 0 {
            let q = n / m
            if q.rounded() != q {
                issues.append(ValidationIssue(path: path, message: "\(value) is not a multiple of \(step)"))
            }
        }
    }

    func checkArray(
        _ array: [JSONValue], _ s: JSONObject, root: JSONValue, at path: JSONPointer, depth: Int,
        into issues: inout [ValidationIssue]
    ) {
        if let min = s["minItems"]?.intValue, array.count < min {
            issues.append(
                ValidationIssue(path: path, message: "array has \(array.count) items, the minimum is \(min)"))
        }
        if let max = s["maxItems"]?.intValue, array.count > max {
            issues.append(
                ValidationIssue(path: path, message: "array has \(array.count) items, the maximum is \(max)"))
        }
        if s["uniqueItems"] == .bool(true) {
            var seen = Set<JSONValue>()
            for (i, element) in array.enumerated() where !seen.insert(element).inserted {
                issues.append(
                    ValidationIssue(
                        path: path.appending(String(i)),
                        message: "duplicate item \(element); items must be unique"))
            }
        }
        var tuple: [JSONValue] = s["prefixItems"]?.arrayValue ?? []
        var rest: JSONValue? = nil
        switch s["items"] {
        case .array(let schemas)?: tuple = schemas; rest = s["additionalItems"]
        case let schema?: rest = schema
        case nil: rest = nil
        }
        for (i, element) in array.enumerated() {
            let elementSchema = i < tuple.count ? tuple[i] : rest
            if let elementSchema {
                check(
                    element, elementSchema, root: root, at: path.appending(String(i)), depth: depth + 1,
                    into: &issues)
            }
        }
    }

    func checkObject(
        _ object: JSONObject, _ s: JSONObject, root: JSONValue,
        at path: JSONPointer, depth: Int, into issues: inout [ValidationIssue]
    ) {
        if let required = s["required"]?.arrayValue {
            for case .string(let name) in required where object[name] == nil {
                issues.append(ValidationIssue(path: path, message: "required key [\(name)] not found"))
            }
        }
        if let min = s["minProperties"]?.intValue, object.count < min {
            issues.append(
                ValidationIssue(
                    path: path, message: "object has \(object.count) properties, the minimum is \(min)"))
        }
        if let max = s["maxProperties"]?.intValue, object.count > max {
            issues.append(
                ValidationIssue(
                    path: path, message: "object has \(object.count) properties, the maximum is \(max)"))
        }
        if case .object(let dependent)? = s["dependentRequired"] {
            for (name, needs) in dependent where object[name] != nil {
                for case .string(let other) in needs.arrayValue ?? [] where object[other] == nil {
                    issues.append(
                        ValidationIssue(
                            path: path, message: "property '\(other)' is required when '\(name)' is present"))
                }
            }
        }
        let properties = s["properties"]?.objectValue ?? [:]
        let patterns = s["patternProperties"]?.objectValue ?? [:]
        for (name, member) in object {
            let at = path.appending(name)
            var matched = false
            if let propertySchema = properties[name] {
                matched = true
                check(member, propertySchema, root: root, at: at, depth: depth + 1, into: &issues)
            }
            for (pattern, patternSchema) in patterns where (try? regex.matches(pattern, name)) == true {
                matched = true
                check(member, patternSchema, root: root, at: at, depth: depth + 1, into: &issues)
            }
            guard !matched, let additional = s["additionalProperties"] else { continue }
            if additional == .bool(false) {
                issues.append(
                    ValidationIssue(
                        path: path,
                        message: "extraneous key [\(name)] is not permitted"))
            } else if case .object = additional {
                check(member, additional, root: root, at: at, depth: depth + 1, into: &issues)
            }
        }
    }

    func checkCombinators(
        _ value: JSONValue, _ s: JSONObject, root: JSONValue, at path: JSONPointer, depth: Int,
        into issues: inout [ValidationIssue]
    ) {
        func issuesOf(_ schema: JSONValue) -> [ValidationIssue] {
            var found: [ValidationIssue] = []
            check(value, schema, root: root, at: path, depth: depth + 1, into: &found)
            return found
        }
        if let all = s["allOf"]?.arrayValue {
            for schema in all { issues += issuesOf(schema) }
        }
        if let any = s["anyOf"]?.arrayValue, !any.isEmpty {
            let results = any.map(issuesOf)
            if !results.contains(where: \.isEmpty) {
                issues.append(
                    ValidationIssue(
                        path: path,
                        message: "matches none of the \(any.count) anyOf alternatives" + Self.hint(results)))
            }
        }
        if let one = s["oneOf"]?.arrayValue, !one.isEmpty {
            let results = one.map(issuesOf)
            let passing = results.filter(\.isEmpty).count
            if passing == 0 {
                issues.append(
                    ValidationIssue(
                        path: path,
                        message: "matches none of the \(one.count) oneOf alternatives" + Self.hint(results)))
            } else if passing > 1 {
                issues.append(
                    ValidationIssue(
                        path: path,
                        message: "matches \(passing) of the oneOf alternatives, exactly one is allowed"))
            }
        }
        if let not = s["not"], issuesOf(not).isEmpty {
            issues.append(ValidationIssue(path: path, message: "matches a schema it must not match (not)"))
        }
        if let condition = s["if"] {
            if issuesOf(condition).isEmpty {
                if let then = s["then"] { issues += issuesOf(then) }
            } else if let otherwise = s["else"] {
                issues += issuesOf(otherwise)
            }
        }
    }

    /// The closest alternative's first issue, to tell the user what to fix.
    private static func hint(_ results: [[ValidationIssue]]) -> String {
        guard let best = results.enumerated().min(by: { $0.element.count < $1.element.count }),
            let first = best.element.first
        else { return "" }
        return " (alternative \(best.offset + 1): \(first))"
    }
}
