/// The iterators behind `for` and the sequence built-ins. Each pulls one element at a time
/// from its source, so lazy inputs (ranges, resource listings) are never forced.

/// Integers from `current` towards `end` (exclusive) by `step`. `for` recognises it and
/// counts directly, without a call per element. A step that would overflow `Int` ends the
/// range: every integer it could still yield lies beyond `end` anyway (issue 16, F3: it
/// trapped).
final class RangeIterator: ValueIterator {
    var current: Int
    let end: Int
    let step: Int
    private var exhausted = false
    init(from start: Int, to end: Int, step: Int) {
        self.current = start
        self.end = end
        self.step = step
    }
    func next() throws -> Value? {
        guard !exhausted, step > 0 ? current < end : current > end else { return nil }
        let value = current
        let (next, overflow) = current.addingReportingOverflow(step)
        if overflow { exhausted = true } else { current = next }
        return .int(value)
    }
}

/// A list's elements by index (elements appended during iteration are seen).
final class ListIterator: ValueIterator {
    let box: ListBox
    var index = 0
    init(_ box: ListBox) { self.box = box }
    func next() throws -> Value? {
        guard index < box.items.count else { return nil }
        defer { index += 1 }
        return box.items[index]
    }
}

/// Elements of a fixed array (a map's keys, a string's characters).
final class ArrayIterator: ValueIterator {
    let items: [Value]
    var index = 0
    init(_ items: [Value]) { self.items = items }
    func next() throws -> Value? {
        guard index < items.count else { return nil }
        defer { index += 1 }
        return items[index]
    }
}

/// `map(seq, f)` on a lazy sequence.
final class MapIterator: ValueIterator {
    let source: ValueIterator
    let function: Value
    let context: CallContext
    init(_ source: ValueIterator, _ function: Value, _ context: CallContext) {
        self.source = source
        self.function = function
        self.context = context
    }
    func next() throws -> Value? {
        guard let item = try source.next() else { return nil }
        return try context.call(function, [item])
    }
}

/// `filter(seq, f)` on a lazy sequence.
final class FilterIterator: ValueIterator {
    let source: ValueIterator
    let predicate: Value
    let context: CallContext
    init(_ source: ValueIterator, _ predicate: Value, _ context: CallContext) {
        self.source = source
        self.predicate = predicate
        self.context = context
    }
    func next() throws -> Value? {
        while let item = try source.next() {
            if try context.call(predicate, [item]).isTruthy { return item }
        }
        return nil
    }
}

/// `take(seq, n)`: stops asking the source after `n` elements.
final class TakeIterator: ValueIterator {
    let source: ValueIterator
    var remaining: Int
    init(_ source: ValueIterator, _ count: Int) {
        self.source = source
        self.remaining = count
    }
    func next() throws -> Value? {
        guard remaining > 0 else { return nil }
        remaining -= 1
        return try source.next()
    }
}

/// `drop(seq, n)`: skips the first `n` elements on the first call.
final class DropIterator: ValueIterator {
    let source: ValueIterator
    var toSkip: Int
    init(_ source: ValueIterator, _ count: Int) {
        self.source = source
        self.toSkip = count
    }
    func next() throws -> Value? {
        while toSkip > 0 {
            toSkip -= 1
            if try source.next() == nil { return nil }
        }
        return try source.next()
    }
}

/// `enumerate(seq)`: `[index, element]` pairs.
final class EnumerateIterator: ValueIterator {
    let source: ValueIterator
    var index = 0
    init(_ source: ValueIterator) { self.source = source }
    func next() throws -> Value? {
        guard let item = try source.next() else { return nil }
        defer { index += 1 }
        return .list(ListBox([.int(index), item]))
    }
}

/// `zip(a, b, ...)`: lists of one element from each, until the shortest ends.
final class ZipIterator: ValueIterator {
    let sources: [ValueIterator]
    init(_ sources: [ValueIterator]) { self.sources = sources }
    func next() throws -> Value? {
        var tuple: [Value] = []
        tuple.reserveCapacity(sources.count)
        for source in sources {
            guard let item = try source.next() else { return nil }
            tuple.append(item)
        }
        return .list(ListBox(tuple))
    }
}
