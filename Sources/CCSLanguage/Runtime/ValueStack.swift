/// Slots for the locals of functions that create no closures (the resolver marks the ones
/// that do, and those get a heap `Frame`). Calls take and give back contiguous runs of
/// slots in LIFO order, so a call costs no allocation. Storage comes in chunks that never
/// move, so pointers into it stay valid while deeper calls allocate. Free slots always hold
/// `.null`.
struct ValueStack {
    private struct Chunk {
        let base: UnsafeMutablePointer<Value>
        let capacity: Int
        /// Where the previous chunk's top was when this chunk was entered.
        var previousTop: UnsafeMutablePointer<Value>
    }
    private var chunks: [Chunk] = []
    private var current = 0
    // The running chunk's state as plain pointers: a push or pop touches only these (no
    // array access, so no bounds or uniqueness check) until a chunk boundary is crossed.
    private var top: UnsafeMutablePointer<Value>
    private var end: UnsafeMutablePointer<Value>
    private var base: UnsafeMutablePointer<Value>
    static let chunkSize = 1 << 16

    init() {
        let first = ValueStack.makeChunk(ValueStack.chunkSize)
        chunks.append(first)
        top = first.base
        base = first.base
        end = first.base + first.capacity
    }

    /// Frees the storage (called by the interpreter's deinit; a struct has none).
    mutating func release() {
        for chunk in chunks {
            chunk.base.deinitialize(count: chunk.capacity)
            chunk.base.deallocate()
        }
        chunks.removeAll()
    }

    private static func makeChunk(_ capacity: Int) -> Chunk {
        let base = UnsafeMutablePointer<Value>.allocate(capacity: capacity)
        base.initialize(repeating: .null, count: capacity)
        return Chunk(base: base, capacity: capacity, previousTop: base)
    }

    /// `count` slots holding `.null`.
    @inline(__always) mutating func push(_ count: Int) -> UnsafeMutablePointer<Value> {
        if end - top >= count {
            let slots = top
            top += count
            return slots
        }
        return pushSlow(count)
    }

    /// Moves to the next chunk (making or enlarging it), which then starts with `count`
    /// slots in use.
    private mutating func pushSlow(_ count: Int) -> UnsafeMutablePointer<Value> {
        let previousTop = top
        current += 1
        if current == chunks.count || chunks[current].capacity < count {
            let chunk = ValueStack.makeChunk(Swift.max(count, ValueStack.chunkSize))
            if current == chunks.count {
                chunks.append(chunk)
            } else {
                chunks[current].base.deinitialize(count: chunks[current].capacity)
                chunks[current].base.deallocate()
                chunks[current] = chunk
            }
        }
        chunks[current].previousTop = previousTop
        base = chunks[current].base
        end = base + chunks[current].capacity
        top = base + count
        return base
    }

    /// Gives back the last `count` slots taken, releasing what they hold.
    @inline(__always) mutating func pop(_ slots: UnsafeMutablePointer<Value>, _ count: Int) {
        var i = 0
        while i < count {
            slots[i] = .null
            i += 1
        }
        top = slots
        // Back at the start of a later chunk: the run that was pushed first in it is gone
        // (only a push that did not fit in the previous chunk starts a chunk, so a chunk
        // after the first is never current while empty).
        if top == base && current > 0 { popSlow() }
    }

    private mutating func popSlow() {
        top = chunks[current].previousTop
        current -= 1
        base = chunks[current].base
        end = base + chunks[current].capacity
    }
}
