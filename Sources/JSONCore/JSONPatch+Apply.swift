/// An operation failure before it is tagged with the operation's index.
struct JSONPatchFailure: Error {
    var message: String
}

extension JSONPatch {
    static func apply(_ operation: JSONPatchOperation, to doc: inout JSONValue, budget: inout JSONPatchBudget)
        throws
    {
        switch operation {
        case .add(let path, let value):
            try budget.insert(value, at: path)
            try add(value, at: path, in: &doc)
        case .remove(let path):
            _ = try remove(at: path, in: &doc)
        case .replace(let path, let value):
            // §4.3: identical to remove followed by add, and the target must exist.
            try budget.insert(value, at: path)
            if path.tokens.isEmpty { doc = value; return }
            _ = try remove(at: path, in: &doc)
            try add(value, at: path, in: &doc)
        case .move(let from, let path):
            // §4.4: "from" must not be a proper prefix of "path".
            if path != from && path.hasPrefix(from) {
                throw JSONPatchFailure(message: "cannot move '\(from)' into one of its own children")
            }
            if path == from {
                guard from.resolve(in: doc) != nil else {
                    throw JSONPatchFailure(message: "'from' location '\(from)' does not exist")
                }
                return
            }
            let value = try removeFrom(from, in: &doc)
            try budget.insert(value, at: path)
            try add(value, at: path, in: &doc)
        case .copy(let from, let path):
            guard let value = from.resolve(in: doc) else {
                throw JSONPatchFailure(message: "'from' location '\(from)' does not exist")
            }
            try budget.insert(value, at: path)
            try add(value, at: path, in: &doc)
        case .test(let path, let value):
            guard let actual = path.resolve(in: doc) else {
                throw JSONPatchFailure(message: "the path does not exist")
            }
            guard actual == value else {
                throw JSONPatchFailure(message: "test failed: expected \(value), found \(actual)")
            }
        }
    }

    private static func removeFrom(_ from: JSONPointer, in doc: inout JSONValue) throws -> JSONValue {
        do {
            return try remove(at: from, in: &doc)
        } catch let failure as JSONPatchFailure {
            throw JSONPatchFailure(message: "'from' location: \(failure.message)")
        }
    }

    /// §4.1: adds a member, inserts into an array (`-` appends), or replaces the root.
    /// The container is mutated in place (see `JSONValue.mutateArray`), so an append is
    /// amortised O(1) after the path walk.
    static func add(_ value: JSONValue, at path: JSONPointer, in doc: inout JSONValue) throws {
        guard let last = path.tokens.last else { doc = value; return }
        try withContainer(path.tokens.dropLast(), in: &doc) { container in
            let added: Void? = try container.mutateObject { o in o[last] = value }
                ?? container.mutateArray { a in
                    let index: Int
                    if last == "-" {
                        index = a.count
                    } else if let i = JSONPointer.arrayIndex(last) {
                        guard i <= a.count else {
                            throw JSONPatchFailure(
                                message: "index \(i) is out of bounds (array has \(a.count) elements)")
                        }
                        index = i
                    } else {
                        throw JSONPatchFailure(message: "'\(last)' is not a valid array index")
                    }
                    a.insert(value, at: index)
                }
            guard added != nil else {
                throw JSONPatchFailure(message: "cannot add a member to a \(container.typeName)")
            }
        }
    }

    /// §4.2: removes the target, which must exist, and returns the removed value.
    static func remove(at path: JSONPointer, in doc: inout JSONValue) throws -> JSONValue {
        guard let last = path.tokens.last else {
            throw JSONPatchFailure(message: "cannot remove the whole document")
        }
        var removed = JSONValue.null
        try withContainer(path.tokens.dropLast(), in: &doc) { container in
            let found: Void? = try container.mutateObject { o in
                guard let old = o.removeValue(forKey: last) else {
                    throw JSONPatchFailure(message: "member '\(last)' does not exist")
                }
                removed = old
            }
                ?? container.mutateArray { a in
                    guard let i = JSONPointer.arrayIndex(last) else {
                        throw JSONPatchFailure(message: "'\(last)' is not a valid array index")
                    }
                    guard i < a.count else {
                        throw JSONPatchFailure(
                            message: "index \(i) is out of bounds (array has \(a.count) elements)")
                    }
                    removed = a.remove(at: i)
                }
            guard found != nil else {
                throw JSONPatchFailure(message: "a \(container.typeName) has no member '\(last)'")
            }
        }
        return removed
    }

    /// Walks to the container at `tokens` and runs `body` on it in place. Each level takes the
    /// child out of its parent (leaving `.null`) before recursing and puts it back afterwards,
    /// so every buffer on the path stays uniquely referenced and is mutated without a copy:
    /// O(depth) per operation.
    private static func withContainer(
        _ tokens: ArraySlice<String>, in value: inout JSONValue, _ body: (inout JSONValue) throws -> Void
    ) throws {
        guard let first = tokens.first else {
            try body(&value)
            return
        }
        let rest = tokens.dropFirst()
        let descended: Void? = try value.mutateObject { o in
            guard let index = o.index(forKey: first) else {
                throw JSONPatchFailure(message: "parent member '\(first)' does not exist")
            }
            try descend(into: &o.values[index], rest, body)
        }
            ?? value.mutateArray { a in
                guard let i = JSONPointer.arrayIndex(first), i < a.count else {
                    throw JSONPatchFailure(message: "parent index '\(first)' does not exist")
                }
                try descend(into: &a[i], rest, body)
            }
        guard descended != nil else {
            throw JSONPatchFailure(message: "cannot descend into a \(value.typeName) at '\(first)'")
        }
    }

    /// Moves `child` into a local so it is uniquely referenced while `withContainer` recurses
    /// into it, then stores it back, also when the recursion throws.
    private static func descend(
        into child: inout JSONValue, _ tokens: ArraySlice<String>, _ body: (inout JSONValue) throws -> Void
    ) throws {
        var taken = child
        child = .null
        defer { child = taken }
        try withContainer(tokens, in: &taken, body)
    }
}
