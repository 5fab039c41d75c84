import CCSLanguage

/// The one-line forms shown at the prompt:
///
///     AWS::Logs::LogGroup  demo-app  {"LogGroupName":"demo-app","RetentionInDays":7,…  (:all)
///     request  CREATE  AWS::Logs::LogGroup  demo-app  IN_PROGRESS  token 8c1e…  (:all)
///     event  CREATE  AWS::Logs::LogGroup  demo-app  SUCCESS  (:all)
///
/// A line longer than the terminal is cut with `…` so that the hint stays visible. A list of
/// requests or events (what `wait_all` returns) takes one line per item, after its index.
extension ValuePrinter {
    /// A piece of a compact line: its text (already escaped) and how it is painted.
    private typealias Part = (text: String, paint: (TerminalStyle) -> (String) -> String)

    static let allHint = "(:all)"

    /// A list of requests or events, one line each, or nil when the list holds anything else.
    func compactItems(_ items: [Value]) -> String? {
        guard !items.isEmpty, items.allSatisfy({ ValuePrinter.isRequestOrEvent($0) }) else { return nil }
        let shown = maxItems.map { min($0, items.count) } ?? items.count
        let indexWidth = String(items.count - 1).count
        var out = ""
        for (i, item) in items.prefix(shown).enumerated() {
            let index = "[" + String(repeating: " ", count: indexWidth - String(i).count) + String(i) + "] "
            out += style.dim(index) + (compactLine(item, hint: false, indent: index.count) ?? "") + "\n"
        }
        var footer = "\(items.count) item\(items.count == 1 ? "" : "s")"
        if shown < items.count { footer += ", \(items.count - shown) not shown" }
        return out + style.dim(footer + "; _[i] shows one, :all shows them in full")
    }

    static func isRequestOrEvent(_ value: Value) -> Bool {
        if case .object(let object) = value { return object.typeName == "request" }
        return isProgressEvent(value)
    }

    /// The one-line form of a resource, request or progress event; nil for other values.
    /// `indent` is how much of the line something before it takes.
    func compactLine(_ value: Value, hint: Bool = true, indent: Int = 0) -> String? {
        var parts: [Part] = []
        switch value {
        case .object(let object):
            if let resource = ResourceView(object) {
                parts = [
                    (escaped(resource.type), TerminalStyle.heading), (escaped(resource.id), TerminalStyle.identifier),
                    (escaped(JSONCodec.encode(resource.properties)), TerminalStyle.plain),
                ]
            } else if object.typeName == "request", let event = try? object.jsonValue() {
                parts = [("request", TerminalStyle.dim)] + eventParts(event)
            } else {
                return nil
            }
        case .map where ValuePrinter.isProgressEvent(value):
            parts = [("event", TerminalStyle.dim)] + eventParts(value)
        default:
            return nil
        }
        return join(parts.filter { !$0.text.isEmpty }, hint: hint, indent: indent)
    }

    /// Operation, type, identifier, status, error code, status message and token.
    private func eventParts(_ event: Value) -> [Part] {
        guard case .map(let box) = event else { return [] }
        func text(_ key: String) -> String {
            if case .string(let s)? = box.entries[key] { return escaped(s) }
            return ""
        }
        let token = text("RequestToken")
        let status = text("OperationStatus")
        return [
            (text("Operation"), TerminalStyle.plain), (text("TypeName"), TerminalStyle.heading),
            (text("Identifier"), TerminalStyle.identifier),
            (status, status == "FAILED" ? TerminalStyle.error : TerminalStyle.mark),
            (text("ErrorCode"), TerminalStyle.error), (text("StatusMessage"), TerminalStyle.plain),
            (token.isEmpty ? "" : "token " + token, TerminalStyle.dim),
        ]
    }

    /// The parts separated by two spaces, cut to the width, with the hint at the end.
    private func join(_ parts: [Part], hint showsHint: Bool, indent: Int) -> String {
        let hint = showsHint ? "  " + ValuePrinter.allHint : ""
        var room = width.map { max(20, $0 - indent - hint.count - 1) } ?? Int.max
        var out = ""
        for (i, part) in parts.enumerated() {
            let separator = i == 0 ? "" : "  "
            let needed = separator.count + part.text.count
            if needed <= room {
                out += separator + part.paint(style)(part.text)
                room -= needed
                continue
            }
            if room > separator.count + 1 {
                out += separator + part.paint(style)(String(part.text.prefix(room - separator.count - 1)) + "…")
            } else {
                out += "…"
            }
            break
        }
        return showsHint ? out + style.dim(hint) : out
    }

    /// Whether a map is a ProgressEvent (what `wait` returns): it has the members every
    /// event has.
    static func isProgressEvent(_ value: Value) -> Bool {
        guard case .map(let box) = value else { return false }
        return box.entries["OperationStatus"] != nil && box.entries["Operation"] != nil
            && box.entries["TypeName"] != nil
    }

    /// An event with its ResourceModel (JSON text on the wire) shown as the JSON it holds.
    static func decodingResourceModel(_ event: Value) -> Value {
        guard case .map(let box) = event, case .string(let text)? = box.entries["ResourceModel"],
            let model = try? JSONCodec.decode(text)
        else { return event }
        var entries = box.entries
        entries["ResourceModel"] = model
        return .map(MapBox(entries))
    }
}
