import Foundation

extension StandardLibrary {
    static let mathBuiltins: [Builtin] = [
        Builtin("sqrt", arity: 1, doc: "sqrt(n): the square root of a number, as a float; a negative n is a ValueError.") { args, ctx in
            let value = try ctx.number(args, 0, "sqrt")
            guard value >= 0 else {
                throw ScriptError(code: ErrorCode.valueError, message: "sqrt: \(value) is negative")
            }
            return .double(value.squareRoot())
        },
        Builtin("floor", arity: 1, doc: "floor(n): the greatest integer not above n (an int when it fits in 64 bits).") { args, ctx in
            try integral(args, ctx, "floor", rule: .down)
        },
        Builtin("ceil", arity: 1, doc: "ceil(n): the least integer not below n (an int when it fits in 64 bits).") { args, ctx in
            try integral(args, ctx, "ceil", rule: .up)
        },
        Builtin("pow", arity: 2, doc: "pow(base, exponent): base raised to exponent; exact for ints with a non-negative exponent while the result fits in 64 bits, a float otherwise.") { args, ctx in
            if case .int(let base) = args[0], case .int(let exponent) = args[1], exponent >= 0,
                let exact = exactPower(base, exponent)
            {
                return .int(exact)
            }
            return .double(Foundation.pow(try ctx.number(args, 0, "pow"), try ctx.number(args, 1, "pow")))
        },
    ]

    /// floor and ceil keep ints as they are and turn floats into ints, like Python's math.floor;
    /// infinities, NaN and floats beyond 64 bits stay floats rather than failing.
    private static func integral(_ args: [Value], _ ctx: CallContext, _ name: String, rule: FloatingPointRoundingRule) throws -> Value {
        if case .int = args[0] { return args[0] }
        let rounded = try ctx.number(args, 0, name).rounded(rule)
        guard rounded.isFinite, Swift.abs(rounded) < 9.2e18 else { return .double(rounded) }
        return .int(Int(rounded))
    }

    /// base^exponent by repeated squaring, or nil when an intermediate result overflows.
    private static func exactPower(_ base: Int, _ exponent: Int) -> Int? {
        var result = 1
        var factor = base
        var remaining = exponent
        while remaining > 0 {
            if remaining & 1 == 1 {
                let (product, overflow) = result.multipliedReportingOverflow(by: factor)
                if overflow { return nil }
                result = product
            }
            remaining >>= 1
            if remaining > 0 {
                let (square, overflow) = factor.multipliedReportingOverflow(by: factor)
                if overflow { return nil }
                factor = square
            }
        }
        return result
    }
}
