import CCSLanguage
import CloudControl
import OrderedCollections

extension CloudBuiltins {
    static func registerRequests(into registry: BuiltinRegistry, session: CloudSession) {
        registry.register(
            Builtin(
                "wait", minArity: 1, maxArity: 2,
                doc: """
                    wait(request_or_token [, opts]) -> final ProgressEvent (map)
                    Polls until SUCCESS; raises on FAILED or CANCEL_COMPLETE. opts: timeout (seconds, default 1800), resubmit (default 3). wait(null) is null.
                    """
            ) { args, context in
                if args[0].isNull { return .null }
                let (token, known) = try token(args, 0, "wait")
                let settings = try RequestWaiter.Settings(
                    CallOptions(args, 1, function: "wait", allowed: RequestWaiter.Settings.options))
                let request = known ?? RequestValue(event: ProgressEvent(requestToken: token), origin: session)
                let outcome = try RequestWaiter(
                    session: session, context: context, settings: settings, function: "wait").run([
                    request
                ])[0]
                return try outcome.get()
            })

        registry.register(
            Builtin(
                "wait_all", minArity: 1, maxArity: 2,
                doc: """
                    wait_all(requests [, opts]) -> list of final ProgressEvents, in input order
                    Waits for all at once; raises one RequestsFailed error listing every failure (e.failures). opts as for wait.
                    """
            ) { args, context in
                let items = try context.elements(args, 0, "wait_all")
                let settings = try RequestWaiter.Settings(
                    CallOptions(args, 1, function: "wait_all", allowed: RequestWaiter.Settings.options))
                var requests: [RequestValue] = []
                var positions: [Int] = []
                for (i, item) in items.enumerated() where !item.isNull {
                    let (token, known) = try token([item], 0, "wait_all")
                    requests.append(known ?? RequestValue(event: ProgressEvent(requestToken: token), origin: session))
                    positions.append(i)
                }
                let outcomes = try RequestWaiter(
                    session: session, context: context, settings: settings, function: "wait_all")
                    .run(requests)
                var events = [Value](repeating: .null, count: items.count)
                var failures: [Value] = []
                var lines: [String] = []
                for (outcome, position) in zip(outcomes, positions) {
                    switch outcome {
                    case .success(let event): events[position] = event
                    case .failure(let error):
                        lines.append("  #\(position): \(error.code): \(error.message)")
                        var entry: OrderedDictionary<String, Value> = [
                            "index": .int(position), "code": .string(error.code),
                            "message": .string(error.message),
                        ]
                        if case .map(let extra)? = error.value, let request = extra.entries["request"] {
                            entry["request"] = request
                        }
                        failures.append(.map(MapBox(entry)))
                    }
                }
                if failures.isEmpty { return .list(ListBox(events)) }
                let message =
                    "wait_all: \(failures.count) of \(requests.count) requests failed:\n"
                    + lines.joined(separator: "\n")
                throw CloudErrors.local(
                    CloudErrors.requestsFailed, message,
                    extra: ["failures": .list(ListBox(failures)), "events": .list(ListBox(events))])
            })

        registry.register(
            Builtin(
                "cancel", arity: 1,
                doc: """
                    cancel(request_or_token) -> request
                    Asks Cloud Control to cancel a request that is still PENDING or IN_PROGRESS.
                    """
            ) { args, _ in
                let (token, known) = try token(args, 0, "cancel")
                let session = known?.origin ?? session
                let output = try session.call("cancel") {
                    try $0.cancelResourceRequest(CancelResourceRequestInput(requestToken: token))
                }
                let event = try event(output.progressEvent, "cancel")
                if let known {
                    known.update(event)
                    return .object(known)
                }
                return .object(RequestValue(event: event, origin: session))
            })

        registry.register(
            Builtin(
                "status", arity: 1,
                doc: """
                    status(request_or_token) -> request
                    The request's current status (GetResourceRequestStatus), hook events included; refreshes a request value in place.
                    """
            ) { args, _ in
                let (token, known) = try token(args, 0, "status")
                let session = known?.origin ?? session
                let output = try session.call("status") {
                    try $0.getResourceRequestStatus(GetResourceRequestStatusInput(requestToken: token))
                }
                let event = try event(output.progressEvent, "status")
                session.freshCreates.observe(event, at: session.now())
                if let known {
                    known.update(event, hooks: output.hooksProgressEvent)
                    return .object(known)
                }
                return .object(RequestValue(event: event, hooks: output.hooksProgressEvent, origin: session))
            })

        registry.register(
            Builtin(
                "requests", minArity: 0, maxArity: 1,
                doc: """
                    requests([filter]) -> lazy sequence of requests
                    ListResourceRequests, page by page as iteration reaches it; filter: operations (CREATE, UPDATE, DELETE), statuses (PENDING, IN_PROGRESS, SUCCESS, FAILED, CANCEL_IN_PROGRESS, CANCEL_COMPLETE).
                    """
            ) { args, context in
                let options = try CallOptions(
                    args, 0, function: "requests", allowed: ["operations", "statuses"])
                let operations = try options.strings("operations")
                let statuses = try options.strings("statuses")
                let filter =
                    operations == nil && statuses == nil
                    ? nil
                    : ResourceRequestStatusFilter(
                        operations: operations?.map { ResourceOperation(rawValue: $0) },
                        operationStatuses: statuses?.map { OperationStatus(rawValue: $0) })
                return .sequence(
                    SequenceBox(name: "requests") {
                        PaginatedValues(
                            "requests", input: ListResourceRequestsInput(resourceRequestStatusFilter: filter),
                            session: session, context: context, value: { .object(RequestValue(event: $0, origin: session)) })
                    })
            })
    }
}
