/// Wraps a lazy sequence's iterator when the host can interrupt (the REPL), so built-ins
/// that walk a sequence (`count(range(10**12))`, `sum`, `map`...) stop on Ctrl-C like loops
/// do. Looks at the request every `Interpreter.pollInterval` elements.
final class InterruptibleIterator: ValueIterator {
    private let source: ValueIterator
    private let interruption: Interruption
    private var countdown = 0

    init(_ source: ValueIterator, _ interruption: Interruption) {
        self.source = source
        self.interruption = interruption
    }

    func next() throws -> Value? {
        countdown -= 1
        if countdown <= 0 {
            countdown = Interpreter.pollInterval
            try interruption.check()
        }
        return try source.next()
    }
}
