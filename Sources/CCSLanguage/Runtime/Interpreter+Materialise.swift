extension Interpreter {
    /// `value` with every lazy sequence in it, at any depth, replaced by the list of its
    /// elements: what `print`, `str`, `json` and `write_file` show, so that data never holds a
    /// placeholder for a sequence (issue 11). A value holding no sequence is returned as it
    /// is, without a copy; otherwise its containers are copied, so the caller's value keeps
    /// its sequences (and a walk-once sequence in it is then spent).
    func materialised(_ value: Value) throws -> Value {
        switch value {
        case .list, .map, .sequence:
            var finder = SequenceFinder()
            guard finder.holdsSequence(value, depth: 0) else { return value }
            var copier = MaterialisingCopy()
            return try copier.copy(value, depth: 0)
        default:
            return value
        }
    }
}

/// Whether a value holds a lazy sequence. Each container is looked at once, so aliasing and
/// cycles cost nothing extra.
private struct SequenceFinder {
    var visited: Set<ObjectIdentifier> = []

    mutating func holdsSequence(_ value: Value, depth: Int) -> Bool {
        guard depth < JSONCodec.maxDepth else { return false }
        switch value {
        case .sequence: return true
        case .list(let box):
            guard visited.insert(ObjectIdentifier(box)).inserted else { return false }
            return box.items.contains { holdsSequence($0, depth: depth + 1) }
        case .map(let box):
            guard visited.insert(ObjectIdentifier(box)).inserted else { return false }
            return box.entries.values.contains { holdsSequence($0, depth: depth + 1) }
        default: return false
        }
    }
}

/// A copy of a value with its sequences walked into lists. A container is copied once: a
/// second reference to it (or a cycle back into it) refers to the same copy, so the JSON
/// writer sees the same shape as in the original.
private struct MaterialisingCopy {
    var copies: [ObjectIdentifier: Value] = [:]
    /// The containers `copies` is keyed by, kept alive for the walk: an element a sequence
    /// produced would otherwise be freed once copied, and the next one could reuse its
    /// address, and so its identifier.
    var originals: [AnyObject] = []

    mutating func copy(_ value: Value, depth: Int) throws -> Value {
        guard depth < JSONCodec.maxDepth else { return value }
        switch value {
        case .sequence(let box):
            let iterator = box.makeIterator()
            var items: [Value] = []
            while let item = try iterator.next() { items.append(try copy(item, depth: depth + 1)) }
            return .list(ListBox(items))
        case .list(let box):
            if let done = copies[ObjectIdentifier(box)] { return done }
            let new = ListBox()
            copies[ObjectIdentifier(box)] = .list(new)
            originals.append(box)
            new.items = try box.items.map { try copy($0, depth: depth + 1) }
            return .list(new)
        case .map(let box):
            if let done = copies[ObjectIdentifier(box)] { return done }
            let new = MapBox()
            copies[ObjectIdentifier(box)] = .map(new)
            originals.append(box)
            for (key, item) in box.entries { new.entries[key] = try copy(item, depth: depth + 1) }
            return .map(new)
        default:
            return value
        }
    }
}

extension Interpreter {
    /// The elements of a sequence, walked to its end; an error raised while producing them
    /// (a page fetch, a function of `map`) is placed at `location` when it has no place yet.
    func collect(_ box: SequenceBox, at location: SourceLocation) throws -> [Value] {
        let iterator = box.makeIterator()
        var items: [Value] = []
        do {
            while let item = try iterator.next() { items.append(item) }
        } catch let failure as ScriptError {
            throw placed(failure, at: location)
        }
        return items
    }

    /// `failure`, placed at `location` in the running source unless it already has a place.
    func placed(_ failure: ScriptError, at location: SourceLocation) -> ScriptError {
        guard failure.location == nil else { return failure }
        var failure = failure
        failure.location = location
        failure.file = source.name
        failure.source = source
        return failure
    }
}
