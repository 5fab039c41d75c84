import CCSLanguage
import CloudControl

/// The iterator behind `requests([filter])`: ListResourceRequests one page at a time, as the
/// iteration reaches it, yielding request values.
final class RequestPager: ValueIterator {
    private let filter: ResourceRequestStatusFilter?
    private let session: CloudSession
    private let context: CallContext
    private var page: [ProgressEvent] = []
    private var index = 0
    private var nextToken: String?
    private var started = false

    /// - Parameter context: the `requests` call's context, checked for Ctrl-C before each page.
    init(filter: ResourceRequestStatusFilter?, session: CloudSession, context: CallContext) {
        self.filter = filter
        self.session = session
        self.context = context
    }

    func next() throws -> Value? {
        while index >= page.count {
            if started && nextToken == nil { return nil }
            try context.checkInterrupted()
            let input = ListResourceRequestsInput(nextToken: nextToken, resourceRequestStatusFilter: filter)
            let output = try session.call("requests") { try $0.listResourceRequests(input) }
            started = true
            page = output.resourceRequestStatusSummaries ?? []
            index = 0
            nextToken = output.nextToken
        }
        let event = page[index]
        index += 1
        return .object(RequestValue(event: event))
    }
}
