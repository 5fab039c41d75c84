import CloudControl
import JSONCore
import ResourceSchemas

extension LocalCloudControl {
    /// One resource as GetResource and ListResources describe it.
    struct Description: Sendable, Equatable {
        var identifier: String
        /// JSON text of the model without write-only properties.
        var properties: String
    }

    /// GetResource: ResourceNotFoundException for a missing identifier.
    func get(typeName: String, identifier: String, in partition: AccountRegion? = nil) throws -> Description {
        let partition = partition ?? defaultPartition
        return try withEngine { now in
            let schema = try schema(typeName, for: "read")
            let stored = try visibleResource(schema, identifier, at: now, in: partition)
            return Description(
                identifier: stored.identifier,
                properties: JSONWriter().string(schema.withoutWriteOnly(stored.model)))
        }
    }

    /// ListResources: pages in creation order, `MaxResults` honoured from 1 to 100 (default
    /// 25, the real service's page size). Child types need their parent's keys in
    /// `resourceModel` (InvalidRequestException naming them otherwise); any keys given filter
    /// the listing by equality.
    func list(
        typeName: String, resourceModel: String?, nextToken: String?, maxResults: Int?,
        in partition: AccountRegion? = nil
    ) throws -> ([Description], String?) {
        let partition = partition ?? defaultPartition
        return try withEngine { _ in
            let schema = try schema(typeName, for: "list")
            var filter = JSONObject()
            if let resourceModel, !resourceModel.isEmpty {
                guard case .object(let o)? = try? JSONParser.parse(resourceModel) else {
                    throw LocalError.invalidRequest("ResourceModel must be a JSON object")
                }
                filter = o
            }
            let missing = ListRequirements.requiredKeys(for: schema).filter { filter[$0] == nil }
            if !missing.isEmpty {
                // The real wording, quirks included (no space after "input.", two after
                // "property:"), one JSON Schema "required key" finding per missing key.
                let findings = missing.map { "#: required key [\($0)] not found" }.joined(separator: ", ")
                throw LocalError.invalidRequest(
                    "Missing or invalid ResourceModel property in \(typeName) list handler request input.Required property:  (\(findings))"
                )
            }
            let limit = try pageSize(maxResults)
            var after: Int64 = 0
            if let nextToken, !nextToken.isEmpty {
                after = try PageToken.decode(nextToken, kind: "resources", scope: typeName)
            }
            var page: [Description] = []
            var lastSeq = after
            var more = false
            scan: while true {
                // Unfiltered, one row beyond the page tells whether there is more; filtered,
                // read wider batches since rows may be skipped.
                let batchSize = filter.isEmpty ? limit + 1 : max(limit * 4, 100)
                let batch = try store.resources(typeName: typeName, after: lastSeq, limit: batchSize, in: partition)
                if batch.isEmpty { break }
                for stored in batch {
                    guard filter.allSatisfy({ stored.model[$0.key] == $0.value }) else {
                        lastSeq = stored.seq
                        continue
                    }
                    if page.count == limit {
                        more = true
                        break scan
                    }
                    page.append(
                        Description(
                            identifier: stored.identifier,
                            properties: JSONWriter().string(schema.withoutWriteOnly(stored.model))))
                    lastSeq = stored.seq
                }
            }
            let token = more ? PageToken.encode(kind: "resources", scope: typeName, seq: lastSeq) : nil
            return (page, token)
        }
    }

    func pageSize(_ maxResults: Int?, default defaultSize: Int? = nil) throws -> Int {
        guard let maxResults else { return defaultSize ?? configuration.defaultPageSize }
        guard (1...Self.maxPageSize).contains(maxResults) else {
            throw LocalError.invalidRequest(
                "MaxResults must be between 1 and \(Self.maxPageSize), got \(maxResults)")
        }
        return maxResults
    }

    /// GetResourceRequestStatus: RequestTokenNotFoundException for unknown or expired tokens.
    func status(requestToken: String, in partition: AccountRegion? = nil) throws -> ProgressEvent {
        let partition = partition ?? defaultPartition
        return try withEngine { now in
            snapshot(try request(requestToken, at: now, in: partition), at: now)
        }
    }

    /// A request of `partition`: another account's or region's token is not found there.
    func request(_ token: String, at now: Double, in partition: AccountRegion) throws -> RequestRecord {
        guard let record = try store.request(token: token), record.partition == partition,
            record.created >= now - Self.requestLifetime
        else {
            throw LocalError("RequestTokenNotFoundException", "Request with token '\(token)' was not found.")
        }
        return record
    }

    /// ListResourceRequests: newest first, filtered by operation and status, pages of
    /// `maxResults` (1 to 100, default 20).
    func listRequests(
        operations: [ResourceOperation], statuses: [OperationStatus], nextToken: String?, maxResults: Int?,
        in partition: AccountRegion? = nil
    ) throws -> ([ProgressEvent], String?) {
        let partition = partition ?? defaultPartition
        return try withEngine { now in
            let limit = try pageSize(maxResults, default: configuration.defaultRequestsPageSize)
            var before = Int64.max
            if let nextToken, !nextToken.isEmpty {
                before = try PageToken.decode(nextToken, kind: "requests", scope: "all")
            }
            var page: [ProgressEvent] = []
            var more = false
            scan: while true {
                let batch = try store.requests(before: before, limit: max(limit * 2, 50), in: partition)
                if batch.isEmpty { break }
                for record in batch {
                    guard record.created >= now - Self.requestLifetime else { break scan }
                    let snap = snapshot(record, at: now)
                    let keep =
                        (operations.isEmpty || operations.contains(record.operation))
                        && (statuses.isEmpty || statuses.contains(record.status(at: now)))
                    if keep {
                        if page.count == limit {
                            more = true
                            break scan
                        }
                        page.append(snap)
                    }
                    before = record.seq
                }
            }
            return (page, more ? PageToken.encode(kind: "requests", scope: "all", seq: before) : nil)
        }
    }

    /// CancelResourceRequest: a PENDING or IN_PROGRESS request moves to CANCEL_IN_PROGRESS,
    /// then CANCEL_COMPLETE, and nothing is applied. Cancelling again while it is being
    /// cancelled returns its progress. A finished request cannot be cancelled: the real service
    /// answers ConcurrentModificationException, and so does the emulator.
    func cancel(requestToken: String, in partition: AccountRegion? = nil) throws -> ProgressEvent {
        let partition = partition ?? defaultPartition
        return try withEngine(write: true) { now in
            var record = try request(requestToken, at: now, in: partition)
            switch record.status(at: now) {
            case .pending, .inProgress:
                record.cancelTime = now
                try store.update(record)
                try advance(to: now)
                return snapshot(try store.request(token: record.token) ?? record, at: now)
            case .cancelInProgress:
                return snapshot(record, at: now)
            default:  // SUCCESS, FAILED, CANCEL_COMPLETE
                throw LocalError(
                    "ConcurrentModificationException",
                    "Request '\(requestToken)' is already \(record.status(at: now).rawValue) and cannot be cancelled."
                )
            }
        }
    }
}
