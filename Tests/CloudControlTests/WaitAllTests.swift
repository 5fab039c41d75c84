import Foundation
import Testing

@testable import CloudControl

/// `Waiter.waitAll` and the hooks the `wait` built-ins use: scheduling by due time, RetryAfter
/// and exponential backoff, the time limit, transient call failures and resubmission. Time
/// is a manual clock that only sleeping moves.
@Suite struct WaitAllTests {
    final class Clock {
        var time = 1_000.0
        var sleeps: [Double] = []
    }

    typealias StatusWaiter = Waiter<GetResourceRequestStatusInput>

    static func output(
        _ token: String, _ status: OperationStatus, retryAfter: Double? = nil, code: HandlerErrorCode? = nil
    )
        -> GetResourceRequestStatusOutput
    {
        GetResourceRequestStatusOutput(
            progressEvent: ProgressEvent(
                requestToken: token, operation: .create, operationStatus: status, errorCode: code,
                retryAfter: retryAfter.map { Date(timeIntervalSince1970: $0) }))
    }

    static func waiter(_ clock: Clock, _ configure: (inout WaiterOptions) -> Void = { _ in }) -> StatusWaiter
    {
        var options = WaiterOptions(
            maxAttempts: .max, honourRetryAfter: true, maxRetryAfterDelay: 30,
            sleep: {
                clock.sleeps.append($0); clock.time += $0
            }, now: { Date(timeIntervalSince1970: clock.time) },
            backoff: .exponential(maximum: 30, random: { 0.5 }))
        configure(&options)
        return StatusWaiter(definition: .resourceRequestSuccess, options: options)
    }

    /// Answers each token's polls from its own script, and records when each poll came.
    final class Polls {
        var scripts: [String: [Result<GetResourceRequestStatusOutput, Error>]]
        var log: [(token: String, time: Double)] = []
        let clock: Clock
        init(_ clock: Clock, _ scripts: [String: [Result<GetResourceRequestStatusOutput, Error>]]) {
            self.clock = clock
            self.scripts = scripts
        }
        func poll(_ input: GetResourceRequestStatusInput) throws -> GetResourceRequestStatusOutput {
            log.append((input.requestToken, clock.time))
            return try scripts[input.requestToken]!.removeFirst().get()
        }
    }

    @Test func pollsEachRequestWhenItIsDue() throws {
        let clock = Clock()
        let polls = Polls(
            clock,
            [
                "a": [
                    .success(Self.output("a", .inProgress, retryAfter: 1_002)),
                    .success(Self.output("a", .success)),
                ],
                "b": [
                    .success(Self.output("b", .inProgress)), .success(Self.output("b", .inProgress)),
                    .success(Self.output("b", .success)),
                ],
            ])
        let targets = ["a", "b"].map { WaiterTarget(input: GetResourceRequestStatusInput(requestToken: $0)) }
        let results = try Self.waiter(clock).waitAll(targets) { _, input in try polls.poll(input) }
        #expect(results.allSatisfy { (try? $0.get()) != nil })
        // Unknown requests are polled at once; then "a" at its RetryAfter, "b" after backoff
        // steps of 1 and 2 s (3/4 of each with this jitter).
        #expect(polls.log.map(\.token) == ["a", "b", "b", "a", "b"])
        #expect(polls.log.map(\.time) == [1_000, 1_000, 1_000.75, 1_002, 1_002.25])
    }

    @Test func aKnownOutcomeIsJudgedBeforeAnyPoll() throws {
        let clock = Clock()
        let polls = Polls(clock, [:])
        var succeeded: [Int] = []
        var hooks = WaiterHooks<GetResourceRequestStatusInput>()
        hooks.succeeded = { index, _ in succeeded.append(index) }
        let results = try Self.waiter(clock).waitAll(
            [
                WaiterTarget(
                    input: GetResourceRequestStatusInput(requestToken: "done"),
                    known: Self.output("done", .success))
            ],
            hooks: hooks
        ) { _, input in try polls.poll(input) }
        #expect(try results[0].get().attempts == 0)
        #expect(polls.log.isEmpty)
        #expect(succeeded == [0])
    }

    @Test func timeoutEndsWhatIsStillPending() throws {
        let clock = Clock()
        let polls = Polls(
            clock, ["slow": Array(repeating: .success(Self.output("slow", .inProgress)), count: 10)])
        var pauses = 0
        var hooks = WaiterHooks<GetResourceRequestStatusInput>()
        hooks.pausing = { _, pending in
            #expect(pending == 1)
            pauses += 1
        }
        let results = try Self.waiter(clock) {
            $0.timeout = 5
            $0.maxPause = 0.5
        }.waitAll([WaiterTarget(input: GetResourceRequestStatusInput(requestToken: "slow"))], hooks: hooks) {
            _, input in try polls.poll(input)
        }
        let error = try #require(results[0].failure as? WaiterError)
        #expect(error.reason == .timedOut(seconds: 5))
        #expect(error.lastProgressEvent?.operationStatus == .inProgress)
        #expect(clock.time == 1_005)
        // No pause is longer than maxPause, and the progress hook runs before each.
        #expect(clock.sleeps.allSatisfy { $0 <= 0.5 })
        #expect(pauses == clock.sleeps.count)
    }

    @Test func transientCallFailuresAreRetriedUpToTheLimit() throws {
        let clock = Clock()
        struct Dropped: Error {}
        let polls = Polls(clock, ["r": Array(repeating: .failure(Dropped()), count: 5)])
        var hooks = WaiterHooks<GetResourceRequestStatusInput>()
        hooks.isTransient = { $0 is Dropped }
        let results = try Self.waiter(clock) { $0.transientErrorLimit = 3 }.waitAll(
            [WaiterTarget(input: GetResourceRequestStatusInput(requestToken: "r"))], hooks: hooks
        ) { _, input in try polls.poll(input) }
        #expect(results[0].failure is Dropped)
        #expect(polls.log.count == 4)
        // Backoff steps 2, 4 and 8 s, 3/4 of each.
        #expect(clock.sleeps == [1.5, 3, 6])
    }

    @Test func aResubmittedRequestIsWaitedForInstead() throws {
        let clock = Clock()
        let polls = Polls(clock, ["second": [.success(Self.output("second", .success))]])
        var sent = 0
        var hooks = WaiterHooks<GetResourceRequestStatusInput>()
        hooks.resubmission = { _, failed in
            guard failed.progressEvent?.errorCode == .throttling, sent == 0 else { return nil }
            return WaiterResubmission(previous: 0) {
                sent += 1
                return WaiterTarget(input: GetResourceRequestStatusInput(requestToken: "second"))
            }
        }
        let first = WaiterTarget(
            input: GetResourceRequestStatusInput(requestToken: "first"),
            known: Self.output("first", .failed, code: .throttling))
        let results = try Self.waiter(clock).waitAll([first], hooks: hooks) { _, input in
            try polls.poll(input)
        }
        #expect(try results[0].get().output?.progressEvent?.requestToken == "second")
        #expect(sent == 1)
        // Sent again after a 1 s backoff step (3/4 of it), then polled at once.
        #expect(polls.log.map(\.time) == [1_000.75])
    }

    @Test func theRequestFailsWhenNotResubmitted() throws {
        let clock = Clock()
        let results = try Self.waiter(clock).waitAll([
            WaiterTarget(
                input: GetResourceRequestStatusInput(requestToken: "x"),
                known: Self.output("x", .failed, code: .throttling))
        ]) { _, _ in throw CloudControlError(code: .throttling) }
        let error = try #require(results[0].failure as? WaiterError)
        #expect(error.reason == .failureState(WaiterDefinition.resourceRequestSuccess.acceptors[1]))
        #expect(error.attempts == 0)
    }
}

extension Result {
    fileprivate var failure: Failure? {
        if case .failure(let error) = self { return error }
        return nil
    }
}
