import JSONCore
import CCSLanguage

/// Shows REPL results. At the prompt (`compact`) a resource, a request and a progress event
/// take one line each, cut to the terminal's width and ended by a dim `(:all)`: `:all`
/// shows the value in full, and `_` is the value itself. Maps and lists print as indented
/// JSON, a list of resources as one line per resource, a lazy sequence by its first items.
/// Every piece of text that came from outside (strings, keys, types, identifiers) goes
/// through `TerminalText.escaped`, so a tag value holding escape sequences shows them
/// instead of acting on the terminal. Colours follow the terminal (see `TerminalStyle`).
/// Lists longer than `maxItems` show their first `maxItems` entries and a line saying how
/// many more there are and that `:all` shows them.
struct ValuePrinter {
    let style: TerminalStyle
    /// nil shows every item.
    let maxItems: Int?
    /// One line for resources, requests and events (at the prompt); false shows them in full.
    var compact = false
    /// The terminal's width, which compact lines are cut to; nil cuts nothing.
    var width: Int?

    /// The text for a result, ending with a newline, and the value shown: the result itself,
    /// or for a lazy sequence the list of the items fetched to show it (the REPL binds `_` to
    /// it, so `_[0]` needs no second fetch). Throws what walking a sequence throws.
    func render(_ value: Value) throws -> (text: String, shown: Value) {
        if compact, let line = compactLine(value) { return (line + "\n", value) }
        if compact, case .list(let box) = value, let lines = compactItems(box.items) { return (lines + "\n", value) }
        var out = ""
        var shown = value
        switch value {
        case .object(let object):
            if let resource = ResourceView(object) {
                out += style.heading(escaped(resource.type)) + "  " + style.identifier(escaped(resource.id)) + "\n"
                write(resource.properties, indent: 0, into: &out)
            } else if object.typeName == "request", let event = try? object.jsonValue() {
                write(ValuePrinter.decodingResourceModel(event), indent: 0, into: &out)
            } else {
                write(value, indent: 0, into: &out)
            }
        case .map where ValuePrinter.isProgressEvent(value):
            write(ValuePrinter.decodingResourceModel(value), indent: 0, into: &out)
        case .sequence(let box):
            shown = .list(ListBox(try writeSequence(box, into: &out)))
        case .list(let box) where !box.items.isEmpty && box.items.allSatisfy({ ResourceView($0) != nil }):
            writeResourceTable(box.items.compactMap { ResourceView($0) }, moreToFetch: false, into: &out)
        default:
            write(value, indent: 0, into: &out)
        }
        return (out + "\n", shown)
    }

    /// Text from outside ccs, safe for the terminal.
    func escaped(_ text: String) -> String {
        TerminalText.escaped(text, keepingLayout: false)
    }

    /// A list of resources, one line each: index, type and identifier. `_[i]` (the last
    /// result is `_`) shows one with its properties.
    private func writeResourceTable(_ resources: [ResourceView], moreToFetch: Bool, into out: inout String) {
        let shown = maxItems.map { min($0, resources.count) } ?? resources.count
        let indexWidth = String(resources.count - 1).count
        let typeWidth = resources.prefix(shown).map { escaped($0.type).count }.max() ?? 0
        for (i, resource) in resources.prefix(shown).enumerated() {
            let index = String(i)
            out +=
                style.dim("[" + String(repeating: " ", count: indexWidth - index.count) + index + "]") + " "
                + style.heading(escaped(resource.type).padding(toLength: typeWidth, withPad: " ", startingAt: 0))
                + "  "
                + style.identifier(escaped(resource.id)) + "\n"
        }
        var footer = "\(resources.count) resource\(resources.count == 1 ? "" : "s")"
        if moreToFetch {
            footer = "the first \(shown) resources of a lazy listing (:all fetches everything)"
        } else if shown < resources.count {
            footer += ", \(resources.count - shown) not shown (:all shows everything)"
        }
        out += style.dim(footer + "; _[i] shows one with its properties")
    }

    private func write(_ value: Value, indent: Int, into out: inout String) {
        switch value {
        case .null: out += style.literal("null")
        case .bool(let b): out += style.literal(b ? "true" : "false")
        case .int, .double: out += style.number(JSONCodec.encode(value))
        case .string: out += style.string(escaped(JSONCodec.encode(value)))
        case .list(let box): writeItems(box.items, total: box.items.count, indent: indent, into: &out)
        case .map(let box): writeMap(box, indent: indent, into: &out)
        case .function(let function): out += style.dim(escaped("<fn \(function.name)>"))
        case .sequence(let box): out += style.dim(escaped("<sequence \(box.name)>"))
        case .object(let object):
            if let json = try? object.jsonValue() {
                write(json, indent: indent, into: &out)
            } else {
                out += style.dim(escaped("<\(object.typeName)>"))
            }
        }
    }

    private func writeMap(_ box: MapBox, indent: Int, into out: inout String) {
        if box.entries.isEmpty {
            out += "{}"
            return
        }
        let pad = String(repeating: "  ", count: indent + 1)
        out += "{\n"
        for (i, (key, value)) in box.entries.enumerated() {
            out += pad + style.key(escaped(JSONCodec.encode(.string(key)))) + ": "
            write(value, indent: indent + 1, into: &out)
            out += i == box.entries.count - 1 ? "\n" : ",\n"
        }
        out += String(repeating: "  ", count: indent) + "}"
    }

    /// `total` is nil when the count is unknown (a lazy sequence with more to come).
    private func writeItems(_ items: [Value], total: Int?, indent: Int, into out: inout String) {
        if items.isEmpty {
            out += "[]"
            return
        }
        let shown = maxItems.map { min($0, items.count) } ?? items.count
        let pad = String(repeating: "  ", count: indent + 1)
        out += "[\n"
        for i in 0..<shown {
            out += pad
            write(items[i], indent: indent + 1, into: &out)
            out += i == items.count - 1 ? "\n" : ",\n"
        }
        if let total, shown < total {
            out += pad + style.dim("... \(total - shown) more (\(total) items; :all shows everything)") + "\n"
        } else if total == nil {
            out += pad + style.dim("... more (a lazy sequence; :all fetches everything)") + "\n"
        }
        out += String(repeating: "  ", count: indent) + "]"
    }

    /// A lazy sequence (e.g. `list(type)`) shows its first items without being walked to the
    /// end, so a listing of thousands fetches one page.
    private func writeSequence(_ box: SequenceBox, into out: inout String) throws -> [Value] {
        let iterator = box.makeIterator()
        var items: [Value] = []
        let wanted = maxItems.map { $0 + 1 }
        while wanted.map({ items.count < $0 }) ?? true, let item = try iterator.next() {
            items.append(item)
        }
        let resources = items.compactMap { ResourceView($0) }
        if !items.isEmpty, resources.count == items.count {
            let more = maxItems.map { items.count > $0 } ?? false
            writeResourceTable(more ? Array(resources.dropLast()) : resources, moreToFetch: more, into: &out)
        } else if let maxItems, items.count > maxItems {
            writeItems(Array(items.prefix(maxItems)), total: nil, indent: 0, into: &out)
        } else {
            writeItems(items, total: items.count, indent: 0, into: &out)
        }
        return maxItems.map { Array(items.prefix($0)) } ?? items
    }
}

/// The parts of a resource value (a host object with `type`, `id` and `props`).
struct ResourceView {
    let type: String
    let id: String
    let properties: Value

    init?(_ value: Value) {
        guard case .object(let object) = value else { return nil }
        self.init(object)
    }

    init?(_ object: HostObject) {
        guard object.typeName == "resource",
            case .string(let type)? = try? object.field("type"),
            case .string(let id)? = try? object.field("id"),
            let properties = try? object.field("props")
        else { return nil }
        self.type = type
        self.id = id
        self.properties = properties
    }
}
