import CloudControl
import Testing

@testable import CCSCloud

/// `wait` keeps track of a request when polling it fails transiently (the client's own
/// retries exhausted): the soak against `ccs serve --faults` lost requests that way, since a
/// failed GetResourceRequestStatus used to fail the wait while the request went on.
@Suite struct WaitPollFailureTests {
    @Test(arguments: [
        CloudControlError(code: .throttling, message: "Rate exceeded", httpStatus: 400) as Error,
        CloudControlError(code: .serviceInternalError, message: "injected", httpStatus: 500) as Error,
        TransportError(kind: .connectionDropped, host: "127.0.0.1", cause: "Empty reply from server") as Error,
    ])
    func transientPollFailuresAreRetried(failure: Error) throws {
        let flaky = FlakyPolls(failures: 3, error: failure)
        let h = try CloudHarness(latency: 0.2, wrap: { flaky.wrapping($0) })
        let result = h.run(
            #"print(wait(create("AWS::Logs::LogGroup", {LogGroupName: "flaky"})).OperationStatus)"#)
        #expect(result.errors == "")
        #expect(result.lines == ["SUCCESS"])
        #expect(flaky.thrown == 3)
    }

    @Test func persistentThrottlingStillFailsTheWait() throws {
        let flaky = FlakyPolls(
            failures: 1000, error: CloudControlError(code: .throttling, message: "Rate exceeded", httpStatus: 400))
        let h = try CloudHarness(latency: 0.2, wrap: { flaky.wrapping($0) })
        let result = h.run(
            #"try { wait(create("AWS::Logs::LogGroup", {LogGroupName: "f"})) } catch e { print(e.code) }"#)
        #expect(result.lines == ["ThrottlingException"])
        #expect(flaky.thrown == RequestWaiter.transientPollLimit + 1)
    }

    @Test func otherPollErrorsFailAtOnce() throws {
        let flaky = FlakyPolls(
            failures: 1000, error: CloudControlError(code: .requestTokenNotFound, message: "gone", httpStatus: 400))
        let h = try CloudHarness(latency: 0.2, wrap: { flaky.wrapping($0) })
        let result = h.run(
            #"try { wait(create("AWS::Logs::LogGroup", {LogGroupName: "g"})) } catch e { print(e.code) }"#)
        #expect(result.lines == ["RequestTokenNotFoundException"])
        #expect(flaky.thrown == 1)
    }
}

/// Fails the first `failures` GetResourceRequestStatus calls with `error`.
final class FlakyPolls {
    let failures: Int
    let error: Error
    private(set) var thrown = 0

    init(failures: Int, error: Error) {
        self.failures = failures
        self.error = error
    }

    func wrapping(_ inner: CloudControlService) -> CloudControlService { Service(inner: inner, owner: self) }

    fileprivate func poll() throws {
        guard thrown < failures else { return }
        thrown += 1
        throw error
    }

    private final class Service: ForwardingService {
        let owner: FlakyPolls
        init(inner: CloudControlService, owner: FlakyPolls) {
            self.owner = owner
            super.init(inner)
        }
        override func getResourceRequestStatus(_ input: GetResourceRequestStatusInput) throws
            -> GetResourceRequestStatusOutput
        {
            try owner.poll()
            return try inner.getResourceRequestStatus(input)
        }
    }
}
