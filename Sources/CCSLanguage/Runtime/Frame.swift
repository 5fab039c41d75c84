/// The local variables of one function activation (or of a module's top level): a flat
/// array of slots indexed by the numbers the resolver assigned, and the frame the function
/// closed over. Slots live in one manually managed buffer so that reading a local is a
/// pointer access with no copy-on-write check (STYLE.md §7–8).
final class Frame {
    let parent: Frame?
    /// The same as `parent`, read without retaining it when walking out to an enclosing
    /// function's frame (the strong `parent` keeps it alive).
    let up: Unretained<Frame>?
    private(set) var slots: UnsafeMutablePointer<Value>
    private(set) var capacity: Int

    init(size: Int, parent: Frame?) {
        self.parent = parent
        self.up = parent.map(Unretained.init)
        self.capacity = size
        self.slots = UnsafeMutablePointer<Value>.allocate(capacity: Swift.max(size, 1))
        slots.initialize(repeating: .null, count: size)
    }

    deinit {
        slots.deinitialize(count: capacity)
        slots.deallocate()
    }

    /// Makes room for `size` slots (a REPL session's top-level frame grows as inputs
    /// declare names). Moves the slots: callers re-read `slots` afterwards.
    func grow(to size: Int) {
        guard size > capacity else { return }
        let bigger = UnsafeMutablePointer<Value>.allocate(capacity: size)
        bigger.moveInitialize(from: slots, count: capacity)
        (bigger + capacity).initialize(repeating: .null, count: size - capacity)
        slots.deallocate()
        slots = bigger
        capacity = size
    }

    /// The slots of the frame `depth` closures out (0: this frame's).
    @inline(__always) func ancestorSlots(_ depth: Int) -> UnsafeMutablePointer<Value> {
        var frame = Unretained(self)
        var remaining = depth
        while remaining > 0 {
            frame = frame.with { $0.up.unsafelyUnwrapped }
            remaining -= 1
        }
        return frame.with { $0.slots }
    }
}
