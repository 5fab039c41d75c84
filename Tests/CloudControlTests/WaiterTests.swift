import Foundation
import JSONCore
import Testing

@testable import CloudControl

/// Records the waits a waiter asks for, so no test sleeps.
final class SleepRecorder {
    private(set) var delays: [Double] = []
    func sleep(_ seconds: Double) { delays.append(seconds) }
}

struct WaiterTests {
    static func status(
        _ status: OperationStatus, retryAfter: Date? = nil, code: HandlerErrorCode? = nil,
        message: String? = nil
    )
        -> Result<GetResourceRequestStatusOutput, CloudControlError>
    {
        .success(
            GetResourceRequestStatusOutput(
                progressEvent: ProgressEvent(
                    requestToken: "req-1", operation: .create, operationStatus: status,
                    statusMessage: message,
                    errorCode: code, retryAfter: retryAfter)))
    }

    func options(_ recorder: SleepRecorder, _ configure: (inout WaiterOptions) -> Void = { _ in })
        -> WaiterOptions
    {
        var options = WaiterOptions(
            sleep: { recorder.sleep($0) }, now: { Date(timeIntervalSince1970: 1_000) })
        configure(&options)
        return options
    }

    @Test func definitionMatchesWaitersJSON() {
        let definition = WaiterDefinition.resourceRequestSuccess
        #expect(definition.delay == 5)
        #expect(definition.maxAttempts == 24)
        #expect(definition.operation == .getResourceRequestStatus)
        #expect(
            definition.acceptors.map(\.expected) == [
                .string("SUCCESS"), .string("FAILED"), .string("CANCEL_COMPLETE"),
            ])
        #expect(definition.acceptors.map(\.state) == [.success, .failure, .failure])
        #expect(definition.acceptors.allSatisfy { $0.matcher == .path("ProgressEvent.OperationStatus") })
    }

    @Test func succeedsAfterPolling() throws {
        let service = ScriptedService()
        service.statusResults = [Self.status(.pending), Self.status(.inProgress), Self.status(.success)]
        let recorder = SleepRecorder()
        let output = try service.waitUntilResourceRequestSuccess(
            requestToken: "req-1", options: options(recorder))
        #expect(output.progressEvent?.operationStatus == .success)
        #expect(recorder.delays == [5, 5])
        #expect(
            service.statusCalls
                == Array(repeating: GetResourceRequestStatusInput(requestToken: "req-1"), count: 3))
    }

    @Test func failedRequestCarriesTheFinalProgressEvent() {
        let service = ScriptedService()
        service.statusResults = [
            Self.status(.inProgress),
            Self.status(.failed, code: .alreadyExists, message: "g1 already exists"),
        ]
        let recorder = SleepRecorder()
        let error = #expect(throws: WaiterError.self) {
            try service.waitUntilResourceRequestSuccess(requestToken: "req-1", options: options(recorder))
        }
        #expect(error?.reason == .failureState(WaiterDefinition.resourceRequestSuccess.acceptors[1]))
        #expect(error?.attempts == 2)
        #expect(error?.lastProgressEvent?.errorCode == .alreadyExists)
        #expect(error?.lastProgressEvent?.statusMessage == "g1 already exists")
        #expect(
            error?.description
                == "Waiter ResourceRequestSuccess failed: request req-1 ended with status FAILED (AlreadyExists): g1 already exists"
        )
        #expect(recorder.delays == [5])
    }

    @Test func cancelledRequestFails() {
        let service = ScriptedService()
        service.statusResults = [Self.status(.cancelInProgress), Self.status(.cancelComplete)]
        let error = #expect(throws: WaiterError.self) {
            try service.waitUntilResourceRequestSuccess(
                requestToken: "req-1", options: options(SleepRecorder()))
        }
        #expect(error?.reason == .failureState(WaiterDefinition.resourceRequestSuccess.acceptors[2]))
        #expect(error?.lastProgressEvent?.operationStatus == .cancelComplete)
    }

    @Test func givesUpAfterMaxAttempts() {
        let service = ScriptedService()
        service.statusResults = Array(repeating: Self.status(.inProgress), count: 3)
        let recorder = SleepRecorder()
        let error = #expect(throws: WaiterError.self) {
            try service.waitUntilResourceRequestSuccess(
                requestToken: "req-1",
                options: options(recorder) {
                    $0.maxAttempts = 3; $0.delay = 0.5
                })
        }
        #expect(error?.reason == .maxAttemptsExceeded)
        #expect(error?.attempts == 3)
        #expect(
            error?.description
                == "Waiter ResourceRequestSuccess gave up after 3 attempts; last status IN_PROGRESS")
        #expect(recorder.delays == [0.5, 0.5])
        #expect(service.statusCalls.count == 3)
    }

    @Test func defaultsAllowTwentyFourAttempts() {
        let service = ScriptedService()
        service.statusResults = Array(repeating: Self.status(.pending), count: 24)
        let recorder = SleepRecorder()
        #expect(throws: WaiterError.self) {
            try service.waitUntilResourceRequestSuccess(requestToken: "req-1", options: options(recorder))
        }
        #expect(service.statusCalls.count == 24)
        #expect(recorder.delays == Array(repeating: 5, count: 23))
    }

    @Test func honoursRetryAfterWhenAsked() throws {
        let service = ScriptedService()
        service.statusResults = [
            Self.status(.inProgress, retryAfter: Date(timeIntervalSince1970: 1_002.5)),
            Self.status(.inProgress, retryAfter: Date(timeIntervalSince1970: 990)),
            Self.status(.inProgress, retryAfter: Date(timeIntervalSince1970: 5_000)),
            Self.status(.inProgress),
            Self.status(.success),
        ]
        let recorder = SleepRecorder()
        _ = try service.waitUntilResourceRequestSuccess(
            requestToken: "req-1", options: options(recorder) { $0.honourRetryAfter = true })
        // 2.5 s until RetryAfter; one already past; one capped at 120 s; none given: the delay.
        #expect(recorder.delays == [2.5, 0, 120, 5])
    }

    @Test func ignoresRetryAfterByDefault() throws {
        let service = ScriptedService()
        service.statusResults = [
            Self.status(.inProgress, retryAfter: Date(timeIntervalSince1970: 1_001)), Self.status(.success),
        ]
        let recorder = SleepRecorder()
        _ = try service.waitUntilResourceRequestSuccess(requestToken: "req-1", options: options(recorder))
        #expect(recorder.delays == [5])
    }

    @Test func serviceErrorNoAcceptorMatchesEndsTheWait() {
        let service = ScriptedService()
        service.statusResults = [
            .failure(CloudControlError(code: .requestTokenNotFound, message: "no such request"))
        ]
        let error = #expect(throws: WaiterError.self) {
            try service.waitUntilResourceRequestSuccess(
                requestToken: "req-1", options: options(SleepRecorder()))
        }
        #expect(error?.reason == .unexpectedError)
        #expect(error?.lastError?.code == .requestTokenNotFound)
        #expect(
            error?.description
                == "Waiter ResourceRequestSuccess stopped on an unexpected error: RequestTokenNotFoundException: no such request"
        )
    }

    @Test func otherErrorsAreRethrownAsIs() {
        let service = ScriptedService()
        #expect(throws: ScriptedService.Unscripted.self) {
            try service.waitUntilResourceRequestSuccess(
                requestToken: "req-1", options: options(SleepRecorder()))
        }
    }

    @Test func errorAcceptorsCanRetryAndSucceed() throws {
        let definition = WaiterDefinition(
            name: "RequestGone", operation: .getResourceRequestStatus, delay: 1, maxAttempts: 5,
            acceptors: [
                WaiterAcceptor(matcher: .error, expected: .string("ThrottlingException"), state: .retry),
                WaiterAcceptor(
                    matcher: .error, expected: .string("RequestTokenNotFoundException"), state: .success),
            ])
        let service = ScriptedService()
        service.statusResults = [
            .failure(CloudControlError(code: .throttling)), .success(GetResourceRequestStatusOutput()),
            .failure(CloudControlError(code: .requestTokenNotFound)),
        ]
        let recorder = SleepRecorder()
        let waiter = Waiter<GetResourceRequestStatusInput>(definition: definition, options: options(recorder))
        let success = try waiter.wait(GetResourceRequestStatusInput(requestToken: "t")) {
            try service.getResourceRequestStatus($0)
        }
        #expect(success.attempts == 3)
        #expect(success.output == nil)
        #expect(recorder.delays == [1, 1])
    }

    // MARK: the generic acceptor evaluator

    static let listJSON: JSONValue = [
        "ResourceRequestStatusSummaries": [
            ["OperationStatus": "SUCCESS", "N": 2],
            ["OperationStatus": "FAILED"],
        ],
        "Done": true,
    ]

    @Test func pathMatchers() {
        let evaluator = AcceptorEvaluator()
        let outcome = AcceptorEvaluator.Outcome.output(Self.listJSON)
        func check(_ matcher: WaiterMatcher, _ expected: WaiterExpected) -> Bool {
            evaluator.matches(WaiterAcceptor(matcher: matcher, expected: expected, state: .success), outcome)
        }
        #expect(check(.path("Done"), .bool(true)))
        #expect(!check(.path("Done"), .string("true")))
        #expect(check(.pathAny("ResourceRequestStatusSummaries[].OperationStatus"), .string("FAILED")))
        #expect(!check(.pathAll("ResourceRequestStatusSummaries[].OperationStatus"), .string("SUCCESS")))
        #expect(check(.pathAll("ResourceRequestStatusSummaries[].N"), .number(2)))
        #expect(!check(.pathAny("ResourceRequestStatusSummaries[].Missing"), .string("x")))
        #expect(!check(.pathAll("ResourceRequestStatusSummaries[].Missing"), .string("x")))
        #expect(!check(.path("Nope.Deeper"), .string("x")))
        #expect(check(.status, .number(200)))
        #expect(!check(.error, .string("ThrottlingException")))
    }

    @Test func statusAndErrorMatchers() {
        let evaluator = AcceptorEvaluator()
        let outcome = AcceptorEvaluator.Outcome.error(
            CloudControlError(code: .resourceNotFound, httpStatus: 404))
        #expect(
            evaluator.matches(
                WaiterAcceptor(matcher: .status, expected: .number(404), state: .success), outcome))
        #expect(
            evaluator.matches(
                WaiterAcceptor(
                    matcher: .error, expected: .string("ResourceNotFoundException"), state: .success), outcome
            ))
        #expect(
            !evaluator.matches(
                WaiterAcceptor(matcher: .path("X"), expected: .string("y"), state: .success), outcome))
    }
}
