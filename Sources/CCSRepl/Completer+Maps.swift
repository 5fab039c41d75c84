import CCSLanguage

/// Property names at a key of a map literal given to `create` or `patch`, at the top level
/// or nested (`create("AWS::Logs::LogGroup", {Tags: [{K` offers `Key`): the path from the
/// outermost map to the one being typed is read off the tokens, then followed through the
/// schema's `properties`, `items` and `$ref`s to `#/definitions/...`.
extension Completer {
    /// One step from a map literal to the literal nested in it: the value of a key, or an
    /// item of a list.
    enum MapStep: Equatable {
        case key(String)
        case item
    }

    /// Where the cursor is: in the map given to a create or a patch of `type`, after `steps`.
    struct MapKeyPosition {
        let type: String
        let purpose: TypeCatalog.Purpose
        let steps: [MapStep]
    }

    /// The position when the text before the word is at a key of a map literal (right after
    /// its `{` or after a `,` directly in it) inside the map given to `create("TYPE", {` or
    /// `patch(r, {`, with only maps and lists in between.
    func mapKeyPosition(_ tokens: ArraySlice<Token>) -> MapKeyPosition? {
        guard let previous = tokens.last, previous.kind == .punct(.lbrace) || previous.kind == .punct(.comma)
        else { return nil }
        var open: [Int] = []  // indices of the brackets still open, outermost first
        for index in tokens.indices {
            switch tokens[index].kind {
            case .punct(.lbrace), .punct(.lbracket), .punct(.lparen): open.append(index)
            case .punct(.rbrace), .punct(.rbracket), .punct(.rparen): _ = open.popLast()
            default: break
            }
        }
        guard let innermost = open.last, tokens[innermost].kind == .punct(.lbrace) else { return nil }
        for level in stride(from: open.count - 1, through: 0, by: -1) {
            let index = open[level]
            if tokens[index].kind == .punct(.lparen) { return nil }
            guard tokens[index].kind == .punct(.lbrace),
                let owner = mapOwner(Array(tokens[tokens.startIndex..<index].suffix(6)))
            else { continue }
            var steps: [MapStep] = []
            for inner in (level + 1)..<open.count {
                let opener = open[inner]
                if tokens[open[inner - 1]].kind == .punct(.lbracket) {
                    steps.append(.item)
                } else {
                    guard opener - 2 >= tokens.startIndex, tokens[opener - 1].kind == .punct(.colon),
                        let key = Completer.keyText(tokens[opener - 2].kind)
                    else { return nil }
                    steps.append(.key(key))
                }
            }
            return MapKeyPosition(type: owner.type, purpose: owner.purpose, steps: steps)
        }
        return nil
    }

    /// The property names a map at `position` may hold.
    func propertyNames(at position: MapKeyPosition) -> [String] {
        if position.steps.isEmpty { return catalog.settableProperties(of: position.type, for: position.purpose) }
        guard let schema = try? catalog.schema(of: position.type) else { return [] }
        var node: Value? = schema
        for step in position.steps {
            let resolved = SchemaSummary.resolve(node, in: schema)
            switch step {
            case .key(let key): node = SchemaSummary.member(resolved, "properties").flatMap { SchemaSummary.member($0, key) }
            case .item: node = SchemaSummary.member(resolved, "items")
            }
        }
        guard case .map(let properties)? = SchemaSummary.member(SchemaSummary.resolve(node, in: schema), "properties")
        else { return [] }
        return Array(properties.entries.keys)
    }

    /// The type and purpose of the map literal opened after `head` (the last six tokens
    /// before its `{`): `create("TYPE", {`, `patch(r, {` for a resource `r` in scope, or
    /// `patch("TYPE", id, {`.
    func mapOwner(_ head: [Token]) -> (type: String, purpose: TypeCatalog.Purpose)? {
        if head.count == 6, case .name("patch") = head[0].kind, head[1].kind == .punct(.lparen),
            case .string(let type) = head[2].kind, head[3].kind == .punct(.comma), head[5].kind == .punct(.comma)
        {
            return (type, .update)
        }
        let head = Array(head.suffix(4))
        guard head.count == 4, case .name(let function) = head[0].kind, head[1].kind == .punct(.lparen),
            head[3].kind == .punct(.comma)
        else { return nil }
        switch (function, head[2].kind) {
        case ("create", .string(let type)):
            return (type, .create)
        case ("patch", .name(let name)):
            guard case .object(let object)? = session.value(of: name), let resource = ResourceView(object)
            else {
                return nil
            }
            return (resource.type, .update)
        default:
            return nil
        }
    }

    /// A map literal's key: a name, a keyword used as one, or a string.
    static func keyText(_ kind: TokenKind) -> String? {
        if case .string(let text) = kind { return text }
        return nameText(kind)
    }
}
