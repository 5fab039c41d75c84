/// Where the running activation's state lives (see `Interpreter.activation`).
struct Activation {
    /// The heap frame closures created now capture.
    var frame: Unretained<Frame>
    var locals: UnsafeMutablePointer<Value>
    /// The frame the running function closed over, and its slots: variables one function
    /// out are `outerSlots[slot]`; `depth` functions out, `outer.ancestorSlots(depth - 1)`.
    var outer: Unretained<Frame>?
    var outerSlots: UnsafeMutablePointer<Value>?
    var source: Unretained<SourceFile>

    /// The caller keeps `heap`, `captured` and `source` alive while this is the running
    /// activation.
    @inline(__always)
    init(heap: Unretained<Frame>, locals: UnsafeMutablePointer<Value>, captured: Frame?,
         source: Unretained<SourceFile>) {
        self.frame = heap
        self.locals = locals
        if let captured {
            self.outer = Unretained(captured)
            self.outerSlots = captured.slots
        } else {
            self.outer = nil
            self.outerSlots = nil
        }
        self.source = source
    }
}
