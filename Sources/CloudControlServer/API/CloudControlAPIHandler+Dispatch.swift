import CloudControl

extension CloudControlAPIHandler {
    /// Decodes the body as the operation's input, calls `service` (the partition the request
    /// acts in) and encodes its output.
    func dispatch(_ operation: APIOperation, on service: any CloudControlService, body: [UInt8])
        throws(CloudControlError) -> [UInt8]
    {
        switch operation {
        case .createResource: return try call(CreateResourceInput.self, body) { try service.createResource($0) }
        case .getResource: return try call(GetResourceInput.self, body) { try service.getResource($0) }
        case .updateResource: return try call(UpdateResourceInput.self, body) { try service.updateResource($0) }
        case .deleteResource: return try call(DeleteResourceInput.self, body) { try service.deleteResource($0) }
        case .listResources: return try call(ListResourcesInput.self, body) { try service.listResources($0) }
        case .getResourceRequestStatus:
            return try call(GetResourceRequestStatusInput.self, body) { try service.getResourceRequestStatus($0) }
        case .listResourceRequests:
            return try call(ListResourceRequestsInput.self, body) { try service.listResourceRequests($0) }
        case .cancelResourceRequest:
            return try call(CancelResourceRequestInput.self, body) { try service.cancelResourceRequest($0) }
        }
    }

    private func call<Input: CloudControlInput>(
        _ type: Input.Type, _ body: [UInt8], _ operation: (Input) throws -> Input.Output
    ) throws(CloudControlError) -> [UInt8] {
        let input: Input
        do {
            input = try CloudControlWire.decodeInput(type, body: body)
        } catch let error as WireInputError {
            // awsJson1_0 servers answer undecodable bodies with SerializationException; a
            // missing required member is a constraint violation, which AWS reports as
            // ValidationException.
            if case .missingMember = error.problem { throw ServerErrors.validation(error.description) }
            throw ServerErrors.serialization(error.description)
        } catch {
            throw ServerErrors.serialization("\(error)")
        }
        do {
            return try CloudControlWire.encodeOutput(try operation(input))
        } catch let error as CloudControlError {
            throw error
        } catch {
            throw ServerErrors.internalError(error)
        }
    }
}
