import CCSLanguage

/// Tab completion at the prompt. Reads the text before the cursor (with the earlier lines
/// of an unfinished input) through the language's lexer and completes, by context:
/// - a resource type name inside the string argument of `create`, `get`, `list`, `delete`,
///   `patch`, `schema` or `types`, one `::` segment at a time (`"AWS::Lo` → `AWS::Logs::`);
/// - an identifier in the second argument of `get`, `delete` or `patch` after a type name,
///   from a listing of the type cached for a minute (`get("AWS::S3::Bucket", "` lists them);
/// - a property name from the type's schema at a key of the map literal given to
///   `create("TYPE", {` (read-only properties left out: they cannot be set) or to
///   `patch(r, {` for a resource `r` in scope (create-only ones left out too), and in the
///   maps nested in it (`{Tags: [{K` → `Key`), from the schema's definitions;
/// - a field after `.`, from the value in scope (`g.props.Ret` → `RetentionInDays`);
/// - otherwise a keyword, built-in or variable name;
/// - after `:`, a meta-command, and its argument (built-in or type name).
struct Completer {
    let session: Session
    let catalog: TypeCatalog

    /// Built-ins whose first argument is a resource type name.
    static let typeTakingFunctions: Set<String> = [
        "create", "get", "list", "delete", "patch", "schema", "types",
    ]

    func complete(pending: String, line: String) -> Completion {
        if pending.isEmpty, line.hasPrefix(":") { return completeMetaCommand(line) }
        let text = pending.isEmpty ? line : pending + "\n" + line
        var lexer = Lexer(bytes: Array(text.utf8))
        var tokens = lexer.tokenize()
        tokens.removeLast()  // .eof
        let byteCount = text.utf8.count
        if let last = tokens.last, case .string(let partial) = last.kind,
            lexer.errors.contains(where: {
                $0.message == "unfinished string" && $0.location.offset == last.location.offset
            })
        {
            return completeInString(partial, tokens: tokens.dropLast())
        }
        var word = ""
        var context = tokens[...]
        if let last = tokens.last, let name = Completer.nameText(last.kind),
            last.location.offset + name.utf8.count == byteCount
        {
            word = name
            context = tokens.dropLast()
        }
        if let dot = context.last, dot.kind == .punct(.dot) || dot.kind == .punct(.questionDot) {
            return completeField(word, chain: context.dropLast())
        }
        if let position = mapKeyPosition(context) {
            return Completion.matching(word, in: propertyNames(at: position))
        }
        let keywords = Keyword.allCases.map(\.rawValue)
        return Completion.matching(word, in: keywords + session.interpreter.registry.names + session.names)
    }

    static func nameText(_ kind: TokenKind) -> String? {
        switch kind {
        case .name(let name): return name
        case .keyword(let keyword): return keyword.rawValue
        default: return nil
        }
    }

    /// Built-ins whose second argument is an identifier of the type named first.
    static let identifierTakingFunctions: Set<String> = ["get", "delete", "patch"]

    /// A string being typed: a type name when it is the first argument of a type-taking
    /// built-in (`list("AWS::Lo`), an identifier when it is the second argument of `get`,
    /// `delete` or `patch` after a type name (`get("AWS::S3::Bucket", "`).
    private func completeInString(_ partial: String, tokens: ArraySlice<Token>) -> Completion {
        let calls = Array(tokens.suffix(4))
        if calls.count == 4, case .name(let function) = calls[0].kind,
            Completer.identifierTakingFunctions.contains(function), calls[1].kind == .punct(.lparen),
            case .string(let type) = calls[2].kind, calls[3].kind == .punct(.comma)
        {
            return Completion.matching(partial, in: catalog.identifiers(of: type))
        }
        guard calls.count >= 2, calls[calls.count - 1].kind == .punct(.lparen),
            case .name(let function) = calls[calls.count - 2].kind,
            Completer.typeTakingFunctions.contains(function)
        else { return .none }
        return completeTypeName(partial)
    }

    /// Type names one `::` segment at a time: "AWS::Lo" offers "AWS::Logs::", and a full
    /// name once only one type is left under the prefix.
    func completeTypeName(_ partial: String) -> Completion {
        let names = catalog.typeNames(prefix: partial)
        var offers: Set<String> = []
        for name in names {
            let rest = name.dropFirst(partial.count)
            if let separator = rest.range(of: "::") {
                offers.insert(partial + rest[..<separator.upperBound])
            } else {
                offers.insert(name)
            }
        }
        return Completion(word: partial, candidates: offers.sorted())
    }

    /// `a.b.c.wor`: the fields of the value `a.b.c`, found without running code (variables
    /// and field reads only, never calls).
    private func completeField(_ word: String, chain: ArraySlice<Token>) -> Completion {
        var names: [String] = []
        var rest = chain
        while let last = rest.last, case .name(let name) = last.kind {
            names.insert(name, at: 0)
            rest = rest.dropLast()
            guard let dot = rest.last, dot.kind == .punct(.dot) || dot.kind == .punct(.questionDot) else {
                break
            }
            rest = rest.dropLast()
        }
        guard let root = names.first, var value = session.value(of: root) else { return .none }
        for field in names.dropFirst() {
            guard let next = FieldLister.field(field, of: value) else { return .none }
            value = next
        }
        return Completion.matching(word, in: FieldLister.fields(of: value))
    }

    private func completeMetaCommand(_ line: String) -> Completion {
        guard let space = line.firstIndex(of: " ") else {
            return Completion.matching(line, in: MetaCommand.allNames.map { ":" + $0 })
        }
        let command = line[line.index(after: line.startIndex)..<space]
        let argument = String(line[line.index(after: space)...])
        guard !argument.contains(" ") else { return .none }
        switch command {
        case "help":
            return Completion.matching(argument, in: session.interpreter.registry.builtins.keys.sorted())
        case "types", "schema": return completeTypeName(argument)
        default: return .none
        }
    }
}
