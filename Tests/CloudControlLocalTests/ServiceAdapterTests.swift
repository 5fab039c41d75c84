import CloudControl
import Foundation
import Testing

@testable import CloudControlLocal

@Suite struct ServiceAdapterTests {
    @Test func operationsThroughTheServiceProtocol() throws {
        let clock = ManualClock()
        let service: CloudControlService = try Support.engine(latency: 1, clock: clock)
        let created = try service.createResource(
            CreateResourceInput(
                typeName: "AWS::SQS::Queue", clientToken: "c-1", desiredState: #"{"QueueName":"jobs"}"#))
        let event = try #require(created.progressEvent)
        #expect(event.operation == .create)
        #expect(event.operationStatus == .pending)
        #expect(event.typeName == "AWS::SQS::Queue")
        #expect(event.identifier == "https://sqs.us-east-1.amazonaws.com/123456789012/jobs")
        #expect(event.eventTime == Date(timeIntervalSince1970: clock.now()))
        #expect(event.retryAfter == Date(timeIntervalSince1970: clock.now() + 1))
        let token = try #require(event.requestToken)
        clock.advance(2)
        let status = try service.getResourceRequestStatus(GetResourceRequestStatusInput(requestToken: token))
        #expect(status.progressEvent?.operationStatus == .success)
        #expect(
            status.progressEvent?.resourceModel?.contains("arn:aws:sqs:us-east-1:123456789012:jobs") == true)

        let got = try service.getResource(
            GetResourceInput(typeName: "AWS::SQS::Queue", identifier: event.identifier ?? ""))
        #expect(got.typeName == "AWS::SQS::Queue")
        #expect(got.resourceDescription?.identifier == event.identifier)

        let listed = try service.listResources(ListResourcesInput(typeName: "AWS::SQS::Queue"))
        #expect(listed.resourceDescriptions?.count == 1)
        #expect(listed.nextToken == nil)

        let requests = try service.listResourceRequests(
            ListResourceRequestsInput(
                resourceRequestStatusFilter: ResourceRequestStatusFilter(
                    operations: [.create], operationStatuses: [.success])))
        #expect(requests.resourceRequestStatusSummaries?.map(\.requestToken) == [token])

        let deleted = try service.deleteResource(
            DeleteResourceInput(typeName: "AWS::SQS::Queue", identifier: event.identifier ?? ""))
        let cancel = try service.cancelResourceRequest(
            CancelResourceRequestInput(requestToken: deleted.progressEvent?.requestToken ?? ""))
        #expect(cancel.progressEvent?.operationStatus == .cancelInProgress)
        service.close()
    }

    @Test func errorsMapToTypedCloudControlErrors() throws {
        let service: CloudControlService = try Support.engine()
        func code(_ body: () throws -> Void) -> (CloudControlErrorCode?, Int?) {
            do {
                try body()
                return (nil, nil)
            } catch let e as CloudControlError {
                return (e.code, e.httpStatus)
            } catch {
                return (nil, nil)
            }
        }
        #expect(
            code {
                _ = try service.getResource(GetResourceInput(typeName: "AWS::SQS::Queue", identifier: "nope"))
            } == (.resourceNotFound, 400))
        #expect(
            code { _ = try service.getResource(GetResourceInput(typeName: "AWS::No::Type", identifier: "x")) }
                == (.typeNotFound, 400))
        #expect(
            code {
                _ = try service.getResourceRequestStatus(GetResourceRequestStatusInput(requestToken: "abc"))
            } == (.requestTokenNotFound, 400))
        #expect(
            code { _ = try service.listResources(ListResourcesInput(typeName: "AWS::EKS::Nodegroup")) } == (
                .invalidRequest, 400
            ))
        #expect(
            code {
                _ = try service.listResources(ListResourcesInput(typeName: "AWS::SQS::Queue", maxResults: 0))
            } == (.unknown("ValidationException"), 400))
        let created = try service.createResource(
            CreateResourceInput(typeName: "AWS::Logs::LogGroup", desiredState: #"{"LogGroupName":"g"}"#))
        let token = created.progressEvent?.requestToken ?? ""
        #expect(
            code { _ = try service.cancelResourceRequest(CancelResourceRequestInput(requestToken: token)) }
                == (.concurrentModification, 500))
    }
}
