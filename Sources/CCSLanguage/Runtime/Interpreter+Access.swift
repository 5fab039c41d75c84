extension Interpreter {
    /// `value.name` (or `value?.name` when `optional`: null instead of an error).
    func field(_ value: Value, _ name: String, optional: Bool, at location: SourceLocation) throws -> Value {
        switch value {
        case .map(let box):
            if let found = box.entries[name] { return found }
            if optional { return .null }
            throw error(ErrorCode.keyError, "no key '\(name)' in map" + Suggestion.hint(for: name, among: box.entries.keys),
                        at: location)
        case .object(let object):
            let found: Value?
            do {
                found = try object.field(name)
            } catch var failure as ScriptError {
                failure.location = failure.location ?? location
                failure.file = failure.file ?? source.name
                failure.source = failure.source ?? source
                throw failure
            }
            if let found { return found }
            if optional { return .null }
            throw error(ErrorCode.keyError, "no field '\(name)' in \(object.typeName)", at: location)
        default:
            if optional { return .null }
            throw error(ErrorCode.typeError, "attempt to get field '\(name)' of \(value.withArticle) value", at: location)
        }
    }

    /// The integer value of an index: ints, and floats with no fractional part.
    func integerIndex(_ value: Value) -> Int? {
        switch value {
        case .int(let i): return i
        case .double(let d) where d.rounded() == d && abs(d) < 9.0e15: return Int(d)
        default: return nil
        }
    }

    /// `value[key]` (or `value?[key]`).
    func index(_ value: Value, _ key: Value, optional: Bool, at location: SourceLocation) throws -> Value {
        switch value {
        case .list(let box):
            guard let i = integerIndex(key) else {
                throw error(ErrorCode.typeError, "list index must be an integer, got \(key.typeName)", at: location)
            }
            let resolved = i < 0 ? i + box.items.count : i
            if resolved >= 0 && resolved < box.items.count { return box.items[resolved] }
            if optional { return .null }
            throw error(ErrorCode.indexError, "list index \(i) out of range (length \(box.items.count))", at: location)
        case .string(let s):
            guard let i = integerIndex(key) else {
                throw error(ErrorCode.typeError, "string index must be an integer, got \(key.typeName)", at: location)
            }
            let characters = Array(s)
            let resolved = i < 0 ? i + characters.count : i
            if resolved >= 0 && resolved < characters.count { return .string(String(characters[resolved])) }
            if optional { return .null }
            throw error(ErrorCode.indexError, "string index \(i) out of range (length \(characters.count))", at: location)
        case .map, .object:
            guard case .string(let name) = key else {
                if optional { return .null }
                throw error(ErrorCode.typeError, "map key must be a string, got \(key.typeName)", at: location)
            }
            return try field(value, name, optional: optional, at: location)
        case .sequence(let box):
            if optional { return .null }
            throw error(ErrorCode.typeError,
                        "attempt to index a lazy sequence (\(box.name)); collect(seq) makes it a list", at: location)
        default:
            if optional { return .null }
            throw error(ErrorCode.typeError, "attempt to index \(value.withArticle) value", at: location)
        }
    }

    /// Python-style slice bounds, clamped to `0...count`.
    func sliceBounds(_ lo: Value, _ hi: Value, count: Int, at location: SourceLocation) throws -> Range<Int> {
        func bound(_ v: Value, _ otherwise: Int) throws -> Int {
            if case .null = v { return otherwise }
            guard let i = integerIndex(v) else {
                throw error(ErrorCode.typeError, "slice bound must be an integer, got \(v.typeName)", at: location)
            }
            let resolved = i < 0 ? i + count : i
            return Swift.max(0, Swift.min(count, resolved))
        }
        let start = try bound(lo, 0)
        let end = try bound(hi, count)
        return start..<Swift.max(start, end)
    }

    func slice(_ value: Value, _ lo: Value, _ hi: Value, at location: SourceLocation) throws -> Value {
        switch value {
        case .list(let box):
            let range = try sliceBounds(lo, hi, count: box.items.count, at: location)
            return .list(ListBox(Array(box.items[range])))
        case .string(let s):
            let characters = Array(s)
            let range = try sliceBounds(lo, hi, count: characters.count, at: location)
            return .string(String(characters[range]))
        case .sequence(let box):
            throw error(ErrorCode.typeError,
                        "attempt to slice a lazy sequence (\(box.name)); collect(seq) makes it a list", at: location)
        default:
            throw error(ErrorCode.typeError, "attempt to slice \(value.withArticle) value", at: location)
        }
    }
}
