/// An I-Regexp (RFC 9485) compiled to a Thompson NFA and matched by simulating all states at
/// once: time is linear in the text times the pattern size, whatever the pattern (no
/// catastrophic backtracking), and matching works on Unicode scalars as RFC 9535 §2.4.6
/// requires. `init` returns nil for a pattern that is not an I-Regexp or that would compile
/// to more than `maxProgramSize` instructions (e.g. `a{1000}{1000}`).
final class IRegexp {
    enum Instruction {
        case scalar(Unicode.Scalar)
        case set(ScalarSet)
        /// `.`: any scalar except LF and CR (RFC 9485 §5.3).
        case any
        /// Zero-width: succeeds only at the start / the end of the text.
        case assertStart
        case assertEnd
        case split(Int, Int)
        case jump(Int)
        case match
    }

    static let maxProgramSize = 20_000
    let program: [Instruction]

    init?(_ pattern: String) {
        var parser = IRegexpParser(Array(pattern.unicodeScalars))
        guard let tree = parser.parse() else { return nil }
        var compiler = IRegexpCompiler()
        guard compiler.compile(tree), compiler.program.count < Self.maxProgramSize else { return nil }
        compiler.program.append(.match)
        program = compiler.program
    }

    /// match(): the whole string matches (§2.4.6).
    func matchesWhole(_ text: String) -> Bool { run(text, anchored: true) }

    /// search(): some substring matches (§2.4.7).
    func matchesSubstring(_ text: String) -> Bool { run(text, anchored: false) }

    private func run(_ text: String, anchored: Bool) -> Bool {
        var current: [Int] = []
        var next: [Int] = []
        var marks = [Int](repeating: -1, count: program.count)
        var stack: [Int] = []
        var scalars = text.unicodeScalars.makeIterator()
        var upcoming = scalars.next()
        var state = ThreadState(generation: 0, atStart: true, atEnd: upcoming == nil)
        if addThread(0, to: &current, marks: &marks, state: state, stack: &stack) && !anchored { return true }
        while let scalar = upcoming {
            upcoming = scalars.next()
            state = ThreadState(generation: state.generation + 1, atStart: false, atEnd: upcoming == nil)
            next.removeAll(keepingCapacity: true)
            var matched = false
            for pc in current {
                let advances: Bool
                switch program[pc] {
                case .scalar(let expected): advances = scalar == expected
                case .set(let set): advances = set.contains(scalar)
                case .any: advances = scalar != "\n" && scalar != "\r"
                default: advances = false
                }
                if advances && addThread(pc + 1, to: &next, marks: &marks, state: state, stack: &stack) {
                    matched = true
                }
            }
            if !anchored && addThread(0, to: &next, marks: &marks, state: state, stack: &stack) {
                matched = true
            }
            if matched && !anchored { return true }
            swap(&current, &next)
            if current.isEmpty && anchored { return false }
        }
        return current.contains { if case .match = program[$0] { return true } else { return false } }
    }

    /// Where the simulation is: which step (to mark visited states) and whether at the
    /// start or end of the text (for `^` and `$`).
    private struct ThreadState {
        let generation: Int
        let atStart: Bool
        let atEnd: Bool
    }

    /// Adds `pc` and everything reachable from it without consuming input; returns true when
    /// that includes the match state.
    private func addThread(
        _ start: Int, to list: inout [Int], marks: inout [Int], state: ThreadState, stack: inout [Int]
    ) -> Bool {
        var reachedMatch = false
        stack.append(start)
        while let pc = stack.popLast() {
            guard marks[pc] != state.generation else { continue }
            marks[pc] = state.generation
            switch program[pc] {
            case .jump(let target): stack.append(target)
            case .split(let first, let second):
                stack.append(second)
                stack.append(first)
            case .assertStart:
                if state.atStart { stack.append(pc + 1) }
            case .assertEnd:
                if state.atEnd { stack.append(pc + 1) }
            case .match:
                reachedMatch = true
                list.append(pc)
            default:
                list.append(pc)
            }
        }
        return reachedMatch
    }
}
