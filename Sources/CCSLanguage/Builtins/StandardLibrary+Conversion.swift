import Foundation

extension StandardLibrary {
    static let conversionBuiltins: [Builtin] = [
        Builtin("str", arity: 1, doc: "str(x): x as a string: strings unchanged, other values as compact JSON.") { args, ctx in
            .string(try ctx.interpreter.displayString(args[0]))
        },
        Builtin("num", arity: 1, doc: "num(x): a number from a number, a numeric string or a bool.") { args, ctx in
            switch args[0] {
            case .int, .double: return args[0]
            case .bool(let b): return .int(b ? 1 : 0)
            case .string(let s):
                let text = s.trimmingCharacters(in: .whitespaces)
                if let i = Int(text) { return .int(i) }
                if let d = Double(text), d.isFinite, !text.lowercased().contains("n") { return .double(d) }
                throw ScriptError(code: ErrorCode.valueError, message: "num: '\(s)' is not a number")
            default: throw ctx.typeError("num", 1, expected: "number, string or bool", got: args[0])
            }
        },
        Builtin("int", arity: 1, doc: "int(x): an integer: floats truncated toward zero, numeric strings parsed.") { args, ctx in
            switch args[0] {
            case .int: return args[0]
            case .bool(let b): return .int(b ? 1 : 0)
            case .double(let d):
                guard d.isFinite, abs(d) < 9.2e18 else {
                    throw ScriptError(code: ErrorCode.valueError, message: "int: \(d) has no integer value")
                }
                return .int(Int(d))
            case .string(let s):
                let text = s.trimmingCharacters(in: .whitespaces)
                if let i = Int(text) { return .int(i) }
                if let d = Double(text), d.isFinite, abs(d) < 9.2e18, !text.lowercased().contains("n") { return .int(Int(d)) }
                throw ScriptError(code: ErrorCode.valueError, message: "int: '\(s)' is not a number")
            default: throw ctx.typeError("int", 1, expected: "number, string or bool", got: args[0])
            }
        },
        Builtin("json", minArity: 1, maxArity: 2, doc: "json(x, pretty?): x encoded as JSON text (indented when pretty is true).") { args, ctx in
            .string(try ctx.interpreter.encodeJSON(
                args[0], pretty: args.count > 1 && args[1].isTruthy, what: "json: argument #1"))
        },
        Builtin("parse_json", arity: 1, doc: "parse_json(text): the value a JSON text denotes; integers stay exact, key order is kept.") { args, ctx in
            try ctx.interpreter.decodeJSON(try ctx.string(args, 0, "parse_json"))
        },
        Builtin("abs", arity: 1, doc: "abs(n): the absolute value of a number.") { args, ctx in
            switch args[0] {
            case .int(let i): return i == Int.min ? .double(-Double(i)) : .int(Swift.abs(i))
            case .double(let d): return .double(Swift.abs(d))
            default: throw ctx.typeError("abs", 1, expected: "number", got: args[0])
            }
        },
        Builtin("round", minArity: 1, maxArity: 2, doc: "round(n, digits?): n rounded half away from zero; an int when digits is omitted.") { args, ctx in
            let value = try ctx.number(args, 0, "round")
            if args.count == 1 {
                let rounded = value.rounded()
                guard rounded.isFinite, Swift.abs(rounded) < 9.2e18 else { return .double(rounded) }
                return .int(Int(rounded))
            }
            let scale = pow(10.0, Double(try ctx.integer(args, 1, "round")))
            return .double((value * scale).rounded() / scale)
        },
    ]
}
