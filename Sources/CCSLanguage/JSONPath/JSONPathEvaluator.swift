/// Applies a parsed query to a value (RFC 9535 §2.3, §2.5). Filters see the query's root
/// as `$` and the node under test as `@`.
struct JSONPathEvaluator {
    let root: Value

    /// Descendant traversal stops this deep, which also ends cycles (a list that contains
    /// itself through aliasing) and keeps the recursion within any thread's stack.
    static let maxDescent = JSONCodec.maxDepth

    /// Host objects are queried through their JSON form.
    @inline(__always)
    static func resolved(_ value: Value) -> Value {
        if case .object(let object) = value { return (try? object.jsonValue()) ?? .null }
        return value
    }

    func select<Node: PathNodeType>(_ query: PathQuery, from start: Node) -> [Node] {
        var nodes = [start]
        for segment in query.segments {
            var next: [Node] = []
            for node in nodes {
                if segment.descendant {
                    descend(node, segment.selectors, depth: 0, into: &next)
                } else {
                    for selector in segment.selectors { apply(selector, to: node, into: &next) }
                }
            }
            nodes = next
            if nodes.isEmpty { break }
        }
        return nodes
    }

    /// descendant-segment (§2.5.2.2): the selectors apply to the node, then to each of its
    /// descendants, in document order (an array's elements in order, an object's members in
    /// insertion order).
    private func descend<Node: PathNodeType>(
        _ node: Node, _ selectors: [PathSelector], depth: Int, into output: inout [Node]
    ) {
        for selector in selectors { apply(selector, to: node, into: &output) }
        guard depth < Self.maxDescent else { return }
        switch node.value {
        case .list(let box):
            for (index, item) in box.items.enumerated() {
                descend(
                    node.child(Self.resolved(item), .index(index)), selectors, depth: depth + 1, into: &output
                )
            }
        case .map(let box):
            for (key, item) in box.entries {
                descend(
                    node.child(Self.resolved(item), .name(key)), selectors, depth: depth + 1, into: &output)
            }
        default:
            break
        }
    }

    private func apply<Node: PathNodeType>(_ selector: PathSelector, to node: Node, into output: inout [Node])
    {
        switch selector {
        case .name(let name):
            if case .map(let box) = node.value, let item = Self.member(box, name) {
                output.append(node.child(Self.resolved(item), .name(name)))
            }
        case .wildcard:
            switch node.value {
            case .list(let box):
                for (index, item) in box.items.enumerated() {
                    output.append(node.child(Self.resolved(item), .index(index)))
                }
            case .map(let box):
                for (key, item) in box.entries { output.append(node.child(Self.resolved(item), .name(key))) }
            default:
                break
            }
        case .index(let index):
            if case .list(let box) = node.value, let position = Self.normalize(index, count: box.items.count)
            {
                output.append(node.child(Self.resolved(box.items[position]), .index(position)))
            }
        case .slice(let start, let end, let step):
            if case .list(let box) = node.value {
                for position in Self.slice(start: start, end: end, step: step, count: box.items.count) {
                    output.append(node.child(Self.resolved(box.items[position]), .index(position)))
                }
            }
        case .filter(let expression):
            switch node.value {
            case .list(let box):
                for (index, item) in box.items.enumerated() {
                    let value = Self.resolved(item)
                    if test(expression, current: value) { output.append(node.child(value, .index(index))) }
                }
            case .map(let box):
                for (key, item) in box.entries {
                    let value = Self.resolved(item)
                    if test(expression, current: value) { output.append(node.child(value, .name(key))) }
                }
            default:
                break
            }
        }
    }

    /// Member lookup by exact code points: Swift's String equality is canonical
    /// equivalence, but RFC 9535 §2.3.1.2 compares names as sequences of Unicode scalars,
    /// so a key that is only canonically equivalent (é precomposed vs e + U+0301) is no match.
    @inline(__always)
    static func member(_ box: MapBox, _ name: String) -> Value? {
        guard let index = box.entries.index(forKey: name),
            box.entries.keys[index].utf8.elementsEqual(name.utf8)
        else { return nil }
        return box.entries.values[index]
    }

    /// index-selector (§2.3.3.2): negative indexes count from the end.
    @inline(__always)
    static func normalize(_ index: Int, count: Int) -> Int? {
        let position = index < 0 ? count + index : index
        return position >= 0 && position < count ? position : nil
    }

    /// slice-selector (§2.3.4.2.2): the bounds are normalized and clamped, step 0 selects
    /// nothing, a negative step walks backwards from `start` down to (excluding) `end`.
    static func slice(start: Int?, end: Int?, step: Int?, count: Int) -> StrideTo<Int> {
        let step = step ?? 1
        guard step != 0 else { return stride(from: 0, to: 0, by: 1) }
        func normal(_ value: Int) -> Int { value >= 0 ? value : count + value }
        if step > 0 {
            let lower = min(max(normal(start ?? 0), 0), count)
            let upper = min(max(normal(end ?? count), 0), count)
            return stride(from: lower, to: upper, by: step)
        }
        let upper = min(max(normal(start ?? count - 1), -1), count - 1)
        let lower = min(max(normal(end ?? -count - 1), -1), count - 1)
        return stride(from: upper, to: lower, by: step)
    }
}
