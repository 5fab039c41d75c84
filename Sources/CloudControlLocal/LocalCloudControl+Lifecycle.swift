import CloudControl
import JSONCore

extension LocalCloudControl {
    /// Finishes, in due order, every unfinished request due at or before `now`, each in its own
    /// transaction, and forgets requests older than 7 days (at most once a minute).
    func advance(to now: Double) throws {
        for record in try store.dueRequests(at: now) {
            try finish(record.token)
        }
        if now - lastPurge > 60 {
            try store.deleteRequests(createdBefore: now - Self.requestLifetime)
            lastPurge = now
        }
    }

    /// Applies a due request's effects (or refuses them) and records its outcome.
    private func finish(_ token: String) throws {
        try store.transaction {
            // Read again inside the transaction: another process may have finished it.
            guard var record = try store.request(token: token), record.outcome == nil else { return }
            let at = record.dueTime
            if record.cancelTime != nil {
                record.outcome = .cancelComplete
                record.statusMessage = "The request was cancelled; nothing was changed."
            } else if record.errorCode != nil {
                record.outcome = .failed
            } else {
                try apply(&record, at: at)
            }
            try store.update(record)
        }
    }

    /// The effect of a request at completion time: creates refuse an existing identifier,
    /// updates and deletes a vanished resource (AlreadyExists / NotFound handler errors);
    /// creates and updates a missing referenced resource (NotFound), deletes a resource others
    /// refer to (ResourceConflict; `LocalCloudControl+References.swift`).
    private func apply(_ record: inout RequestRecord, at time: Double) throws {
        let partition = record.partition
        let existing = try store.resource(typeName: record.typeName, identifier: record.identifier, in: partition)
        switch record.operation {
        case .create:
            if existing != nil {
                fail(
                    &record, "AlreadyExists",
                    "Resource of type '\(record.typeName)' with identifier '\(record.identifier)' already exists."
                )
                return
            }
            guard let model = record.model else {
                fail(&record, "InternalFailure", "the request has no model")
                return
            }
            if let missing = try missingReference(model, typeName: record.typeName, in: partition) {
                fail(&record, "NotFound", missing)
                return
            }
            var visibleAfter = 0.0
            let faults = configuration.faults
            if faults.notFoundAfterCreate > 0,
                Double.random(in: 0..<1, using: &random) < faults.notFoundAfterCreate
            {
                visibleAfter = time + faults.notFoundWindow
            }
            try store.put(
                typeName: record.typeName, identifier: record.identifier, model: model,
                visibleAfter: visibleAfter, in: partition)
        case .update:
            guard existing != nil, let model = record.model else {
                fail(
                    &record, "NotFound",
                    "Resource of type '\(record.typeName)' with identifier '\(record.identifier)' was not found."
                )
                return
            }
            if let missing = try missingReference(model, typeName: record.typeName, in: partition) {
                fail(&record, "NotFound", missing)
                return
            }
            try store.put(typeName: record.typeName, identifier: record.identifier, model: model, in: partition)
        case .delete:
            guard let existing else {
                fail(
                    &record, "NotFound",
                    "Resource of type '\(record.typeName)' with identifier '\(record.identifier)' was not found."
                )
                return
            }
            if let conflict = try clearDependents(
                of: record.typeName, identifier: record.identifier, model: existing.model, in: partition)
            {
                fail(&record, "ResourceConflict", conflict)
                return
            }
            try store.deleteResource(typeName: record.typeName, identifier: record.identifier, in: partition)
        default:
            // Records are made by create/update/delete and checked when loaded from the store.
            fail(&record, "InternalFailure", "the request has an unknown operation '\(record.operation)'")
            return
        }
        record.outcome = .success
    }

    private func fail(_ record: inout RequestRecord, _ code: String, _ message: String) {
        record.outcome = .failed
        record.errorCode = code
        record.statusMessage = message
    }

    /// Looks up a request made with the same ClientToken in the last 36 hours: the same input
    /// gets that request back; other input is a ClientTokenConflictException.
    func replay(clientToken: String?, fingerprint: String, at now: Double, in partition: AccountRegion) throws
        -> RequestRecord?
    {
        guard let clientToken, !clientToken.isEmpty else { return nil }
        guard
            let previous = try store.request(
                clientToken: clientToken, since: now - Self.clientTokenLifetime, in: partition)
        else {
            return nil
        }
        guard previous.fingerprint == fingerprint else {
            throw LocalError(
                "ClientTokenConflictException",
                "The client token '\(clientToken)' was already used for a different request (\(previous.operation.rawValue) \(previous.typeName)) in the last 36 hours."
            )
        }
        return previous
    }

    /// Refuses a second operation on a resource while one is unfinished.
    func checkNotBusy(_ typeName: String, _ identifier: String, in partition: AccountRegion) throws {
        guard !identifier.isEmpty,
            let token = try store.unfinishedRequestToken(typeName: typeName, identifier: identifier, in: partition)
        else { return }
        throw LocalError(
            "ConcurrentOperationException",
            "Another resource operation request (\(token)) is in progress for resource of type '\(typeName)' with identifier '\(identifier)'."
        )
    }

    /// Records a new request and returns its progress at `now` (which, with zero latency,
    /// is already its outcome).
    func submit(
        _ operation: ResourceOperation, typeName: String, identifier: String, clientToken: String?,
        fingerprint: String,
        model: JSONValue?, failure: (code: String, message: String)?, at now: Double, in partition: AccountRegion
    ) throws -> ProgressEvent {
        var failure = failure
        let faults = configuration.faults
        if failure == nil, faults.failedThrottle > 0,
            Double.random(in: 0..<1, using: &random) < faults.failedThrottle
        {
            failure = ("Throttling", "Rate exceeded (injected by the emulator's fault plan).")
        }
        var record = RequestRecord(
            seq: 0, token: random.uuid(), operation: operation, typeName: typeName, identifier: identifier,
            clientToken: clientToken?.isEmpty == false ? clientToken : nil, fingerprint: fingerprint,
            created: now,
            phase: max(0, configuration.latency), model: model, cancelTime: nil, outcome: nil,
            errorCode: failure?.code, statusMessage: failure?.message, hooksToken: random.uuid(),
            partition: partition)
        record = try store.insert(record)
        try advance(to: now)
        let current = try store.request(token: record.token) ?? record
        return snapshot(current, at: now)
    }
}
