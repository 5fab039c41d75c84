import CloudControl
import Foundation

/// Forwards to a service, but its first CreateResource answers a FAILED event with ErrorCode
/// Throttling and request token "stale-token" (sending nothing on), as the service does when
/// it throttles a create it has already accepted; records every ClientToken sent and every
/// token polled.
final class ThrottleFirstCreateService: ForwardingService {
    private(set) var clientTokens: [String] = []
    private(set) var polledTokens: [String] = []

    override func createResource(_ input: CreateResourceInput) throws -> CreateResourceOutput {
        clientTokens.append(input.clientToken ?? "")
        guard clientTokens.count > 1 else {
            var event = ProgressEvent(requestToken: "stale-token")
            event.typeName = input.typeName
            event.operation = .create
            event.operationStatus = .failed
            event.errorCode = .throttling
            event.statusMessage = "Rate exceeded"
            return CreateResourceOutput(progressEvent: event)
        }
        return try inner.createResource(input)
    }
    override func getResourceRequestStatus(_ input: GetResourceRequestStatusInput) throws
        -> GetResourceRequestStatusOutput
    {
        polledTokens.append(input.requestToken)
        return try inner.getResourceRequestStatus(input)
    }
}

/// Forwards to a service, but ListResources answers InvalidRequestException with the real
/// service's wording for a child type listed without its parent's key (as quoted in
/// awslabs/mcp issue 403), followed by `detail`.
final class ParentKeyListService: ForwardingService {
    /// The message's tail after the type name.
    let detail: String
    init(_ inner: CloudControlService, detail: String) {
        self.detail = detail
        super.init(inner)
    }

    override func listResources(_ input: ListResourcesInput) throws -> ListResourcesOutput {
        throw CloudControlError(
            code: CloudControlErrorCode(wireName: "InvalidRequestException"),
            message:
                "Missing or invalid ResourceModel property in \(input.typeName) list handler request input.\(detail)"
        )
    }
}

/// Forwards to a service, but every page of ListResources and ListResourceRequests carries
/// a NextToken that leads back to a page already fetched: A, B, A, B... (or the same one each
/// time with `cycle: 1`). After `limit` pages of each it gives a page without NextToken, so a
/// paginator that follows the loop ends instead of hanging the test.
final class LoopingTokensService: ForwardingService {
    let cycle: Int
    let limit = 40
    private var listed = 0
    private var requested = 0

    init(_ inner: CloudControlService, cycle: Int) {
        self.cycle = cycle
        super.init(inner)
    }

    private func token(_ page: Int) -> String? {
        page < limit ? "loop-\(page % cycle)" : nil
    }

    override func listResources(_ input: ListResourcesInput) throws -> ListResourcesOutput {
        var first = input
        first.nextToken = nil
        var page = try inner.listResources(first)
        listed += 1
        page.nextToken = token(listed)
        return page
    }

    override func listResourceRequests(_ input: ListResourceRequestsInput) throws
        -> ListResourceRequestsOutput
    {
        var first = input
        first.nextToken = nil
        var page = try inner.listResourceRequests(first)
        requested += 1
        page.nextToken = token(requested)
        return page
    }
}
