import CloudControl
import JSONCore
import ResourceSchemas

extension LocalCloudControl {
    /// CreateResource. Immediate errors: TypeNotFoundException, UnsupportedActionException,
    /// InvalidRequestException for a DesiredState that is not a JSON object or a compound
    /// identifier part that contains `|`, ValidationException for schema violations,
    /// ConcurrentOperationException, ClientTokenConflictException. Read-only properties make a
    /// request that ends FAILED with ErrorCode InvalidRequest; an existing identifier one that
    /// ends FAILED with AlreadyExists.
    func create(typeName: String, desiredState: String, clientToken: String?, in partition: AccountRegion? = nil)
        throws -> ProgressEvent
    {
        let partition = partition ?? defaultPartition
        return try withEngine(write: true) { now in
            let schema = try schema(typeName, for: "create")
            let parsed: JSONValue
            do {
                parsed = try JSONParser.parse(desiredState, loneSurrogates: .reject)
            } catch let e as JSONParseError {
                throw LocalError.invalidRequest("DesiredState is not valid JSON: \(e.description)")
            }
            guard case .object = parsed else {
                throw LocalError.invalidRequest("DesiredState must be a JSON object, got \(parsed.typeName)")
            }
            let fingerprint = "CREATE\n\(typeName)\n\(JSONWriter(sortKeys: true).string(parsed))"
            if let previous = try replay(clientToken: clientToken, fingerprint: fingerprint, at: now, in: partition) {
                return snapshot(previous, at: now)
            }
            let checked = try checkCreate(parsed, schema: schema)
            let generator = ResourceGenerator(region: partition.region, account: partition.account)
            var model = generator.generate(for: schema, model: checked.model, random: &random)
            if checked.failure == nil {
                model = try assignRevision(model, schema: schema, in: partition)
            }
            let identifier = schema.identifier(of: model) ?? ""
            try checkIdentifierParts(model, schema: schema)
            try checkNotBusy(typeName, identifier, in: partition)
            var failure = checked.failure
            if failure == nil && identifier.isEmpty {
                failure = (
                    "InvalidRequest",
                    "#: the primary identifier (\(schema.primaryIdentifier.map(\.description).joined(separator: ", "))) is missing"
                )
            }
            return try submit(
                .create, typeName: typeName, identifier: identifier, clientToken: clientToken,
                fingerprint: fingerprint,
                model: failure == nil ? model : nil, failure: failure, at: now, in: partition)
        }
    }

    /// UpdateResource: applies the RFC 6902 patch to the current model, then validates.
    /// Immediate errors: TypeNotFoundException, UnsupportedActionException,
    /// InvalidRequestException for a malformed patch document or identifier,
    /// ResourceNotFoundException, ConcurrentOperationException, ClientTokenConflictException,
    /// NotUpdatableException for create-only paths, ValidationException for schema violations.
    /// Read-only paths and a patch that does not apply end FAILED with InvalidRequest.
    func update(
        typeName: String, identifier: String, patchDocument: String, clientToken: String?,
        in partition: AccountRegion? = nil
    ) throws -> ProgressEvent {
        let partition = partition ?? defaultPartition
        return try withEngine(write: true) { now in
            let schema = try schema(typeName, for: "update")
            let patch: JSONPatch
            do {
                patch = try JSONPatch(json: try JSONParser.parse(patchDocument, loneSurrogates: .reject))
            } catch let e as JSONParseError {
                throw LocalError.invalidRequest("PatchDocument is not valid JSON: \(e.description)")
            } catch let e as JSONPatchError {
                throw LocalError.invalidRequest("PatchDocument is not a valid JSON Patch: \(e.description)")
            }
            let fingerprint =
                "UPDATE\n\(typeName)\n\(identifier)\n\(JSONWriter(sortKeys: true).string(patch.json))"
            if let previous = try replay(clientToken: clientToken, fingerprint: fingerprint, at: now, in: partition) {
                return snapshot(previous, at: now)
            }
            let current = try visibleResource(schema, identifier, at: now, in: partition)
            try checkNotBusy(typeName, current.identifier, in: partition)
            let checked = try checkUpdate(patch, current: current.model, schema: schema)
            return try submit(
                .update, typeName: typeName, identifier: current.identifier, clientToken: clientToken,
                fingerprint: fingerprint, model: checked.model, failure: checked.failure, at: now, in: partition)
        }
    }

    /// DeleteResource. Immediate errors: TypeNotFoundException, ResourceNotFoundException,
    /// ConcurrentOperationException, ClientTokenConflictException.
    func delete(typeName: String, identifier: String, clientToken: String?, in partition: AccountRegion? = nil)
        throws -> ProgressEvent
    {
        let partition = partition ?? defaultPartition
        return try withEngine(write: true) { now in
            let schema = try schema(typeName, for: "delete")
            let fingerprint = "DELETE\n\(typeName)\n\(identifier)"
            if let previous = try replay(clientToken: clientToken, fingerprint: fingerprint, at: now, in: partition) {
                return snapshot(previous, at: now)
            }
            let current = try visibleResource(schema, identifier, at: now, in: partition)
            try checkNotBusy(typeName, current.identifier, in: partition)
            return try submit(
                .delete, typeName: typeName, identifier: current.identifier, clientToken: clientToken,
                fingerprint: fingerprint, model: nil, failure: nil, at: now, in: partition)
        }
    }

    /// The stored resource for an identifier (a string, or JSON: `lookUp`), or
    /// ResourceNotFoundException (also while a fresh create is hidden by the
    /// `notfound-after-create` fault).
    func visibleResource(_ schema: ResourceSchema, _ identifier: String, at now: Double, in partition: AccountRegion)
        throws -> LocalStore.StoredResource
    {
        guard let stored = try lookUp(schema, identifier, in: partition), now >= stored.visibleAfter
        else {
            throw LocalError.notFound(schema.typeName, identifier)
        }
        return stored
    }
}
