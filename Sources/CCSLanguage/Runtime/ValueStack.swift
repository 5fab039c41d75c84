/// Slots for the locals of functions that create no closures (the resolver marks the ones
/// that do, and those get a heap `Frame`). Calls take and give back contiguous runs of
/// slots in LIFO order, so a call costs no allocation. Storage comes in chunks that never
/// move, so pointers into it stay valid while deeper calls allocate. Free slots always hold
/// `.null`.
struct ValueStack {
    private struct Chunk {
        let base: UnsafeMutablePointer<Value>
        let capacity: Int
        /// Slots in use in this chunk.
        var used: Int
    }
    private var chunks: [Chunk] = []
    private var current = 0
    static let chunkSize = 1 << 16

    init() {
        chunks.append(ValueStack.makeChunk(ValueStack.chunkSize))
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
        return Chunk(base: base, capacity: capacity, used: 0)
    }

    /// `count` slots holding `.null`.
    @inline(__always) mutating func push(_ count: Int) -> UnsafeMutablePointer<Value> {
        let chunk = chunks[current]
        if chunk.used + count <= chunk.capacity {
            chunks[current].used = chunk.used + count
            return chunk.base + chunk.used
        }
        return pushSlow(count)
    }

    private mutating func pushSlow(_ count: Int) -> UnsafeMutablePointer<Value> {
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
        chunks[current].used = count
        return chunks[current].base
    }

    /// Gives back the last `count` slots taken, releasing what they hold.
    @inline(__always) mutating func pop(_ slots: UnsafeMutablePointer<Value>, _ count: Int) {
        var i = 0
        while i < count {
            slots[i] = .null
            i += 1
        }
        chunks[current].used -= count
        if chunks[current].used == 0 && current > 0 { current -= 1 }
    }
}
