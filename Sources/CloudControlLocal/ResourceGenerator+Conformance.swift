import JSONCore
import ResourceSchemas

extension ResourceGenerator {
    /// `candidate` when it satisfies the schema of top-level property `key`, else a value drawn
    /// from that schema; the candidate again when no drawn value satisfies it either (a schema
    /// no value can meet, or a pattern the sampler cannot read).
    static func conforming(_ candidate: JSONValue, _ key: String, schema: ResourceSchema, random: inout SeededRandom)
        -> JSONValue
    {
        guard let property = schema.document["properties"]?[key] else { return candidate }
        if satisfies(candidate, property, root: schema.document) { return candidate }
        return sample(property, root: schema.document, depth: 0, random: &random)
            .first { satisfies($0, property, root: schema.document) } ?? candidate
    }

    static func satisfies(_ value: JSONValue, _ subschema: JSONValue, root: JSONValue) -> Bool {
        conformance.validate(value, subschema: subschema, root: root).isEmpty
    }

    /// Candidate values for a subschema, most plausible first: its enum or const, a sample of
    /// its pattern, a value within its bounds, nested objects with their required members.
    static func sample(_ subschema: JSONValue, root: JSONValue, depth: Int, random: inout SeededRandom) -> [JSONValue] {
        guard depth < 16, case .object(var s) = subschema else { return [] }
        // Follow a chain of `$ref`s (DomainName → ExternalInboundEndpoint → ...), the
        // referring schema's own keywords taking precedence.
        for _ in 0..<8 {
            guard let ref = s["$ref"]?.stringValue, ref.hasPrefix("#"),
                let pointer = try? JSONPointer(String(ref.dropFirst())), case .object(let target)? = pointer.resolve(in: root)
            else { break }
            s["$ref"] = nil
            for (k, v) in target where s[k] == nil { s[k] = v }
        }
        if let constant = s["const"] { return [constant] }
        if let options = s["enum"]?.arrayValue, let first = options.first { return [first] }
        for combinator in ["oneOf", "anyOf", "allOf"] {
            if let first = s[combinator]?.arrayValue?.first {
                var merged = s
                merged[combinator] = nil
                if case .object(let branch) = first {
                    for (k, v) in branch where merged[k] == nil { merged[k] = v }
                    // The branch's required members add to the schema's own (a root `required`
                    // with `oneOf: [{required: [A]}, {required: [B]}]`).
                    if let own = s["required"]?.arrayValue, let more = branch["required"]?.arrayValue {
                        merged["required"] = .array(own + more.filter { !own.contains($0) })
                    }
                }
                return sample(.object(merged), root: root, depth: depth + 1, random: &random)
            }
        }
        let type = s["type"]?.stringValue ?? s["type"]?.arrayValue?.first?.stringValue ?? "string"
        switch type {
        case "number" where s["minimum"].map({ $0.intValue == nil && $0.doubleValue != nil }) ?? false:
            // A fractional minimum (0.01, 0.125) is itself the smallest valid number.
            return [s["minimum"] ?? .int(0)]
        case "integer", "number":
            var n = s["minimum"]?.intValue ?? 0
            if let exclusive = s["exclusiveMinimum"]?.intValue { n = Swift.max(n, exclusive + 1) }
            if let maximum = s["maximum"]?.intValue, n > maximum { n = maximum }
            return [.int(n)]
        case "boolean": return [.bool(false)]
        case "array":
            let count = s["minItems"]?.intValue ?? 0
            guard count > 0, let items = s["items"] else { return [.array([])] }
            let item = sample(items, root: root, depth: depth + 1, random: &random).first ?? .string("")
            return [.array(Array(repeating: item, count: Swift.min(count, 16)))]
        case "object":
            var object: JSONObject = [:]
            for name in s["required"]?.arrayValue?.compactMap(\.stringValue) ?? [] {
                guard let child = s["properties"]?[name] else { continue }
                object[name] = sample(child, root: root, depth: depth + 1, random: &random).first ?? .string("")
            }
            // `minProperties` beyond the required ones: the first optional members, in order.
            let minimum = s["minProperties"]?.intValue ?? 0
            for (name, child) in s["properties"]?.objectValue ?? [:] where object.count < minimum && object[name] == nil {
                object[name] = sample(child, root: root, depth: depth + 1, random: &random).first ?? .string("")
            }
            return [.object(object)]
        default:
            return strings(s, random: &random)
        }
    }

    /// Strings for a string schema: samples of its pattern (preferred, shortest, then varied
    /// draws), or a timestamp, URI or padded string by its format and lengths.
    private static func strings(_ s: JSONObject, random: inout SeededRandom) -> [JSONValue] {
        let minLength = s["minLength"]?.intValue ?? 0
        let maxLength = s["maxLength"]?.intValue ?? Int.max
        func fits(_ t: String) -> Bool { t.count >= minLength && t.count <= maxLength }
        // A pattern the sampler cannot read (inline flags such as `(?s)`) falls through to a
        // plain string of the right length, which the caller checks against the pattern.
        if let pattern = s["pattern"]?.stringValue, !pattern.isEmpty, let sampler = PatternSampler(pattern) {
            var out: [JSONValue] = []
            var styles: [PatternSampler.Style] = [.preferred, .shortest]
            // Lengths: a sample of length L from `preferred` has its open parts at 8; stretch them
            // so that the whole lands on the minimum, or on the maximum when that is small.
            let preferredLength = sampler.sample(.preferred, random: &random).count
            for target in [minLength, Swift.min(maxLength, 64)] where target > 0 && target != Int.max {
                styles.append(.stretched(Swift.max(1, target - Swift.max(0, preferredLength - 8))))
                styles.append(.stretched(target))
            }
            styles += Array(repeating: .varied, count: 10)
            for style in styles {
                let t = sampler.sample(style, random: &random)
                if fits(t) { out.append(.string(t)) }
            }
            if !out.isEmpty { return out }
        }
        switch s["format"]?.stringValue {
        case "date-time": return [.string("2026-01-01T00:00:00.000Z")]
        case "uri": return [.string("https://example.com/")]
        default: break
        }
        var t = random.string(Swift.min(Swift.max(minLength, 20), maxLength), from: "abcdefghijklmnopqrstuvwxyz0123456789")
        if t.count < minLength { t += String(repeating: "a", count: minLength - t.count) }
        return [.string(t)]
    }

    /// Sets each omitted, readable top-level property that declares a `default` to it, as the
    /// handlers report the service's defaults on read (AWS::Logs::LogGroup's LogGroupClass
    /// `STANDARD`). A default the model then fails to validate with (a `oneOf` it breaks, say)
    /// is left out.
    static func applyDefaults(_ schema: ResourceSchema, to model: inout JSONObject) {
        for key in schema.propertyNames where model[key] == nil {
            guard let value = schema.document["properties"]?[key]?["default"] ?? schema.propertySchema(key)?["default"],
                !schema.writeOnlyProperties.contains(where: { $0.isTopLevel && $0.topLevel == key })
            else { continue }
            var trial = model
            trial[key] = value
            let before = conformance.validate(.object(model), against: schema).count
            if conformance.validate(.object(trial), against: schema).count <= before { model = trial }
        }
    }
}
