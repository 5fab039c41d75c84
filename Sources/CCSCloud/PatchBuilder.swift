import CCSLanguage
import JSONCore
import ResourceSchemas

/// Computes an RFC 6902 patch that turns one JSON document into another.
///
/// Without a schema (`diff(old, new)`), the patch is exact: `apply_patch(a, diff(a, b)) == b`
/// for any documents. Objects are compared member by member; arrays keep their common prefix
/// and suffix and edit the middle in place (paired elements recursively, then insertions in
/// ascending index order or removals in descending index order, so every index is valid when
/// its operation runs, RFC 6902 §4.1–4.2). A change of type is one `replace`.
///
/// With a resource schema (`patch(resource, changes)`), the Cloud Control rules apply: no
/// operation may touch a read-only or create-only property (the service rejects the whole
/// request, API reference "UpdateResource"); read-only values the caller left out keep their
/// current value; a changed create-only value is an error before anything is sent; arrays the
/// schema marks `insertionOrder: false`, and key-value tag lists, are replaced whole when
/// their contents differ and left alone when only their order does.
struct PatchBuilder {
    let schema: ResourceSchemaView?
    private(set) var operations: [JSONPatchOperation] = []

    init(schema: ResourceSchemaView? = nil) {
        self.schema = schema
    }

    /// The operations turning `old` into `new`.
    static func diff(_ old: JSONValue, _ new: JSONValue, schema: ResourceSchemaView? = nil) throws
        -> [JSONPatchOperation]
    {
        var builder = PatchBuilder(schema: schema)
        var path: [String] = []
        try builder.compare(old, new, at: &path)
        return builder.operations
    }

    /// Exact equality: unlike JSON Patch's `test`, an integer and a float differ (`1` vs
    /// `1.0`), so that the result reproduces the target's number kinds exactly.
    static func identical(_ a: JSONValue, _ b: JSONValue) -> Bool {
        switch (a, b) {
        case (.null, .null): return true
        case (.bool(let x), .bool(let y)): return x == y
        case (.int(let x), .int(let y)): return x == y
        case (.double(let x), .double(let y)): return x == y || (x.isNaN && y.isNaN)
        case (.string(let x), .string(let y)): return x == y
        case (.array(let x), .array(let y)):
            return x.count == y.count && zip(x, y).allSatisfy { identical($0, $1) }
        case (.object(let x), .object(let y)):
            guard x.count == y.count else { return false }
            for (key, value) in x {
                guard let other = y[key], identical(value, other) else { return false }
            }
            return true
        default: return false
        }
    }

    /// `path` holds the reference tokens of the location being compared, pushed and popped
    /// as the walk goes down and up, so that going one level deeper costs no copy of the path
    /// (issue 16, F6: copying it at every level made a deep diff quadratic).
    private mutating func compare(_ old: JSONValue, _ new: JSONValue, at path: inout [String]) throws {
        if let schema {
            // The schema's checks apply only where something differs, so ask first.
            if Self.identical(old, new) { return }
            if !path.isEmpty {
                if schema.isReadOnly(path) { throw readOnlyChange(path) }
                if schema.isCreateOnly(path) { throw createOnlyChange(path) }
            }
        }
        switch (old, new) {
        case (.object(let a), .object(let b)):
            for (key, value) in a where b[key] == nil {
                path.append(key)
                defer { path.removeLast() }
                // A read-only value left out of the desired state keeps its current value.
                if let schema, schema.isReadOnly(path) { continue }
                try emit(.remove(path: JSONPointer(tokens: path)), at: path, removing: value)
            }
            for (key, value) in b {
                path.append(key)
                defer { path.removeLast() }
                if let current = a[key] {
                    try compare(current, value, at: &path)
                } else {
                    if let schema {
                        if schema.isReadOnly(path) { throw readOnlyChange(path) }
                        if schema.isCreateOnly(path) { throw createOnlyChange(path) }
                    }
                    try emit(.add(path: JSONPointer(tokens: path), value: value), at: path)
                }
            }
        case (.array(let a), .array(let b)):
            if let schema, !path.isEmpty, schema.isUnordered(path) || Self.isTagList(a, b) {
                if Self.sameElements(a, b) { return }
                try emit(.replace(path: JSONPointer(tokens: path), value: new), at: path)
                return
            }
            try compareArrays(a, b, at: &path)
        default:
            // Without a schema nothing was compared above; containers of two kinds, or two
            // scalars, are compared here in constant time or replaced.
            if schema == nil, Self.identical(old, new) { return }
            try emit(.replace(path: JSONPointer(tokens: path), value: new), at: path)
        }
    }

    /// Arrays: common prefix and suffix untouched; the middle edited in place. Arrays of the
    /// same length pair every element with the one at its index, which is what the prefix and
    /// suffix would leave too, so they are not scanned first: a scan would compare each deep
    /// element once more at every level above it.
    private mutating func compareArrays(_ a: [JSONValue], _ b: [JSONValue], at path: inout [String]) throws {
        var prefix = 0
        var suffix = 0
        if a.count != b.count {
            while prefix < a.count, prefix < b.count, Self.identical(a[prefix], b[prefix]) { prefix += 1 }
            while suffix < a.count - prefix, suffix < b.count - prefix,
                Self.identical(a[a.count - 1 - suffix], b[b.count - 1 - suffix])
            {
                suffix += 1
            }
        }
        let oldMiddle = a.count - prefix - suffix
        let newMiddle = b.count - prefix - suffix
        let paired = min(oldMiddle, newMiddle)
        for i in 0..<paired {
            path.append(String(prefix + i))
            defer { path.removeLast() }
            try compare(a[prefix + i], b[prefix + i], at: &path)
        }
        if newMiddle > oldMiddle {
            for j in paired..<newMiddle {
                path.append(String(prefix + j))
                defer { path.removeLast() }
                try emit(.add(path: JSONPointer(tokens: path), value: b[prefix + j]), at: path)
            }
        } else {
            for j in (paired..<oldMiddle).reversed() {
                path.append(String(prefix + j))
                defer { path.removeLast() }
                try emit(.remove(path: JSONPointer(tokens: path)), at: path, removing: a[prefix + j])
            }
        }
    }

    /// Records an operation after checking it touches no protected property below it (the
    /// locations themselves were checked by the caller).
    private mutating func emit(
        _ operation: JSONPatchOperation, at tokens: [String], removing: JSONValue? = nil
    ) throws {
        if let schema {
            let pointer = JSONPointer(tokens: tokens)
            if let path = schema.schema.createOnlyProperties.first(where: { $0.overlaps(pointer) }) {
                throw CloudErrors.local(
                    CloudErrors.createOnlyChange,
                    "patch: the change at \(pointer) touches create-only property \(path), which cannot be updated (create a new resource instead)"
                )
            }
            if let path = schema.schema.readOnlyProperties.first(where: { $0.overlaps(pointer) }) {
                throw CloudErrors.local(
                    CloudErrors.readOnlyChange,
                    "patch: the change at \(pointer) touches read-only property \(path); give a list of patch operations to control it exactly"
                )
            }
        }
        operations.append(operation)
    }

    private func readOnlyChange(_ tokens: [String]) -> ScriptError {
        CloudErrors.local(
            CloudErrors.readOnlyChange,
            "patch: \(JSONPointer(tokens: tokens)) is read-only in \(schema?.schema.typeName ?? "the schema"); the service sets it"
        )
    }

    private func createOnlyChange(_ tokens: [String]) -> ScriptError {
        CloudErrors.local(
            CloudErrors.createOnlyChange,
            "patch: \(JSONPointer(tokens: tokens)) is create-only in \(schema?.schema.typeName ?? "the schema") and cannot be updated (create a new resource instead)"
        )
    }

    /// A key-value tag list: every element of both arrays is an object with a `Key` and at
    /// most a `Value` besides (the CloudFormation `Tag` shape).
    static func isTagList(_ a: [JSONValue], _ b: [JSONValue]) -> Bool {
        guard !(a.isEmpty && b.isEmpty) else { return false }
        return (a + b).allSatisfy { element in
            guard case .object(let o) = element, o["Key"] != nil else { return false }
            return o.keys.allSatisfy { $0 == "Key" || $0 == "Value" }
        }
    }

    /// Whether two arrays hold the same elements regardless of order (as multisets).
    static func sameElements(_ a: [JSONValue], _ b: [JSONValue]) -> Bool {
        guard a.count == b.count else { return false }
        var unmatched = b
        for element in a {
            guard let i = unmatched.firstIndex(where: { identical($0, element) }) else { return false }
            unmatched.remove(at: i)
        }
        return true
    }
}
