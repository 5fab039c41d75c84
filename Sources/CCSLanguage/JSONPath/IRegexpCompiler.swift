/// Compiles an I-Regexp tree to NFA instructions (Thompson's construction). Counted
/// repetition is expanded, so the compiler stops as soon as the program grows past
/// `IRegexp.maxProgramSize`.
struct IRegexpCompiler {
    var program: [IRegexp.Instruction] = []

    /// Emits `node`; false when the program became too large.
    mutating func compile(_ node: IRegexpNode) -> Bool {
        guard program.count < IRegexp.maxProgramSize else { return false }
        switch node {
        case .empty:
            return true
        case .scalar(let scalar):
            program.append(.scalar(scalar))
        case .set(let set):
            program.append(.set(set))
        case .any:
            program.append(.any)
        case .textStart:
            program.append(.assertStart)
        case .textEnd:
            program.append(.assertEnd)
        case .concatenation(let nodes):
            for node in nodes where !compile(node) { return false }
        case .alternation(let branches):
            // split L1, next; L1: branch; jump end; next: split ... ; last branch; end:
            var jumps: [Int] = []
            for (position, branch) in branches.enumerated() {
                if position < branches.count - 1 {
                    let split = program.count
                    program.append(.split(split + 1, -1))
                    guard compile(branch) else { return false }
                    jumps.append(program.count)
                    program.append(.jump(-1))
                    program[split] = .split(split + 1, program.count)
                } else {
                    guard compile(branch) else { return false }
                }
            }
            for jump in jumps { program[jump] = .jump(program.count) }
        case .repetition(let body, let minimum, let maximum):
            for _ in 0..<minimum where !compile(body) { return false }
            if let maximum {
                // Each optional copy may be skipped, ending the repetition.
                var splits: [Int] = []
                for _ in minimum..<maximum {
                    splits.append(program.count)
                    program.append(.split(program.count + 1, -1))
                    guard compile(body) else { return false }
                }
                for split in splits { program[split] = .split(split + 1, program.count) }
            } else {
                // loop: split body, end; body; jump loop; end:
                let loop = program.count
                program.append(.split(loop + 1, -1))
                guard compile(body) else { return false }
                program.append(.jump(loop))
                program[loop] = .split(loop + 1, program.count)
            }
        }
        return program.count < IRegexp.maxProgramSize
    }
}
