/// The loop of one `Waiter.waitAll`: every target's schedule, its acceptor decisions and its
/// outcome.
///
/// Time is the clock's (`WaiterOptions.now`), but never earlier than the time already slept
/// through, so a clock that stands still (as in tests) cannot make the loop spin.
struct WaiterRun<Input: CloudControlInput> {
    typealias Success = Waiter<Input>.Success

    private struct Tracked {
        var input: Input
        /// When the latest outcome was settled, and the pause chosen then: the next call is
        /// due at their sum. The pause is kept as chosen so that, when the clock has not moved,
        /// the waiter sleeps exactly the delay (rounding `due - now` would not).
        var settledAt: Double
        var delay = 0.0
        var due: Double { settledAt + delay }
        /// The backoff step of the next pause; back to 0 after a resubmission.
        var step = 0
        /// Calls made (polls), counted against the attempt limit.
        var calls = 0
        /// Consecutive calls that failed with a transient error.
        var failedCalls = 0
        /// The latest progress event, whose RetryAfter times the next pause.
        var event: ProgressEvent?
        /// A failure acceptor matched and the request is to be sent again at `due`.
        var resubmission: WaiterResubmission<Input>?
        var outcome: Result<Success, Error>?
    }

    private let waiter: Waiter<Input>
    private let hooks: WaiterHooks<Input>
    private let evaluator = AcceptorEvaluator()
    private var tracked: [Tracked]
    private var clockFloor: Double
    private let start: Double

    init(waiter: Waiter<Input>, hooks: WaiterHooks<Input>, targets: [WaiterTarget<Input>]) {
        self.waiter = waiter
        self.hooks = hooks
        let start = waiter.options.now().timeIntervalSince1970
        self.start = start
        clockFloor = start
        tracked = targets.map { Tracked(input: $0.input, settledAt: start) }
        for (i, target) in targets.enumerated() {
            if let known = target.known { settle(i, .success(known), now: start, known: true) }
        }
    }

    private var maxAttempts: Int { max(1, waiter.options.maxAttempts ?? waiter.definition.maxAttempts) }

    private mutating func now() -> Double {
        clockFloor = max(clockFloor, waiter.options.now().timeIntervalSince1970)
        return clockFloor
    }

    mutating func run(_ call: (Int, Input) throws -> Input.Output) throws -> [Result<Success, Error>] {
        let deadline = waiter.options.timeout.map { start + $0 }
        // Like botocore, the waiter pauses between two attempts even when the delay is 0.
        var mustPause = false
        while let earliest = tracked.indices.filter({ tracked[$0].outcome == nil }).min(by: {
            tracked[$0].due < tracked[$1].due
        }) {
            let next = tracked[earliest].due
            // Right after a round of calls the pause is measured from the last clock reading.
            let now = mustPause ? clockFloor : now()
            if let deadline, now >= deadline {
                for i in tracked.indices where tracked[i].outcome == nil { timeOut(i) }
                break
            }
            if next > now || mustPause {
                let full = max(0, tracked[earliest].delay - (now - tracked[earliest].settledAt))
                var pause = full
                if let deadline { pause = min(pause, deadline - now) }
                if let slice = waiter.options.maxPause { pause = min(pause, slice) }
                hooks.pausing(now - start, tracked.filter { $0.outcome == nil }.count)
                try waiter.options.sleep(pause)
                // A full pause reaches the earliest due time even if the clock stood still.
                clockFloor = pause == full ? max(now + pause, next) : now + pause
                mustPause = false
                continue
            }
            for i in tracked.indices where tracked[i].outcome == nil && tracked[i].due <= now {
                try hooks.beforeCall()
                if let resubmission = tracked[i].resubmission {
                    do {
                        let target = try resubmission.send()
                        tracked[i].input = target.input
                        tracked[i].resubmission = nil
                        tracked[i].step = 0
                        if let known = target.known {
                            settle(i, .success(known), now: self.now(), known: true)
                        } else {
                            schedule(i, at: self.now(), after: 0)
                        }
                    } catch {
                        // Refused at the API: handled like a failed poll, and sent again
                        // after a pause when the error is transient.
                        settle(i, .failure(error), now: self.now())
                    }
                    continue
                }
                tracked[i].calls += 1
                let result = Result { try call(i, tracked[i].input) }
                if case .success = result { tracked[i].failedCalls = 0 }
                settle(i, result, now: self.now())
            }
            mustPause = true
        }
        return tracked.map { $0.outcome ?? .failure(timeoutError($0)) }
    }

    /// Decides what one outcome means for target `i`: done, failed, to be sent again, or due
    /// again after a pause. `known` marks an outcome the caller already had (a target's
    /// `known` event) rather than one a call just returned.
    private mutating func settle(
        _ i: Int, _ result: Result<Input.Output, Error>, now: Double, known: Bool = false
    ) {
        var output: Input.Output?
        var serviceError: CloudControlError?
        var callError: Error?
        var judged: AcceptorEvaluator.Outcome?
        switch result {
        case .success(let value):
            output = value
            if let event = (value as? ProgressEventOutput)?.progressEvent { tracked[i].event = event }
            do {
                judged = .output(try CloudControlWire.wireEncoder.encode(value))
            } catch {
                tracked[i].outcome = .failure(error)
                return
            }
        case .failure(let error):
            callError = error
            if let error = error as? CloudControlError {
                serviceError = error
                judged = .error(error)
            }
        }
        let event = (output as? ProgressEventOutput)?.progressEvent
        let attempts = tracked[i].calls
        let matched = judged.flatMap { outcome in
            waiter.definition.acceptors.first { evaluator.matches($0, outcome) }
        }
        if let matched {
            switch matched.state {
            case .success:
                tracked[i].outcome = .success(Success(output: output, attempts: attempts))
                hooks.succeeded(i, now)
                return
            case .failure:
                if let output, let resubmission = hooks.resubmission(i, output) {
                    tracked[i].resubmission = resubmission
                    schedule(
                        i, at: now,
                        after: waiter.delay(after: tracked[i].event, step: resubmission.previous, now: now))
                    return
                }
                tracked[i].outcome = .failure(
                    WaiterError(
                        waiterName: waiter.definition.name, reason: .failureState(matched),
                        attempts: attempts,
                        lastProgressEvent: event, lastError: serviceError))
                return
            case .retry:
                break
            }
        } else if let callError {
            if hooks.isTransient(callError), tracked[i].failedCalls < waiter.options.transientErrorLimit {
                // The call failed, not the request, which goes on at the service: giving up
                // would leave the caller not knowing how it ended.
                tracked[i].failedCalls += 1
                schedule(
                    i, at: now,
                    after: waiter.delay(after: tracked[i].event, step: tracked[i].failedCalls, now: now))
                return
            }
            if let serviceError {
                tracked[i].outcome = .failure(
                    WaiterError(
                        waiterName: waiter.definition.name, reason: .unexpectedError, attempts: attempts,
                        lastError: serviceError))
            } else {
                tracked[i].outcome = .failure(callError)
            }
            return
        }
        if attempts >= maxAttempts {
            tracked[i].outcome = .failure(
                WaiterError(
                    waiterName: waiter.definition.name, reason: .maxAttemptsExceeded, attempts: attempts,
                    lastProgressEvent: event, lastError: serviceError))
            return
        }
        if known, waiter.options.honourRetryAfter,
            let retryAfter = tracked[i].event?.retryAfter?.timeIntervalSince1970, retryAfter <= now
        {
            // The event was known before waiting began and the service's own hint is already
            // past: the request has likely finished (a loop waiting on requests created
            // earlier), so poll now instead of taking a backoff step first. Nothing has
            // failed yet, so no step is used up.
            schedule(i, at: now, after: 0)
            return
        }
        schedule(i, at: now, after: waiter.delay(after: tracked[i].event, step: tracked[i].step, now: now))
        tracked[i].step += 1
    }

    private mutating func schedule(_ i: Int, at now: Double, after delay: Double) {
        tracked[i].settledAt = now
        tracked[i].delay = delay
    }

    private mutating func timeOut(_ i: Int) {
        tracked[i].outcome = .failure(timeoutError(tracked[i]))
    }

    private func timeoutError(_ target: Tracked) -> WaiterError {
        WaiterError(
            waiterName: waiter.definition.name, reason: .timedOut(seconds: waiter.options.timeout ?? 0),
            attempts: target.calls, lastProgressEvent: target.event)
    }
}
