import Foundation

/// One call of any of the eight operations with its typed input, for `ccs api OPERATION JSON`
/// and other places that pick the operation at run time.
public enum APIRequest: Sendable, Equatable {
    case createResource(CreateResourceInput)
    case getResource(GetResourceInput)
    case updateResource(UpdateResourceInput)
    case deleteResource(DeleteResourceInput)
    case listResources(ListResourcesInput)
    case getResourceRequestStatus(GetResourceRequestStatusInput)
    case listResourceRequests(ListResourceRequestsInput)
    case cancelResourceRequest(CancelResourceRequestInput)

    /// Decodes the API reference's JSON input of `operation` strictly (see
    /// `CloudControlWire.decodeCLIInput`); throws `WireInputError`.
    public static func decode(operation: APIOperation, json: String) throws -> APIRequest {
        switch operation {
        case .createResource:
            return .createResource(try CloudControlWire.decodeCLIInput(CreateResourceInput.self, json: json))
        case .getResource:
            return .getResource(try CloudControlWire.decodeCLIInput(GetResourceInput.self, json: json))
        case .updateResource:
            return .updateResource(try CloudControlWire.decodeCLIInput(UpdateResourceInput.self, json: json))
        case .deleteResource:
            return .deleteResource(try CloudControlWire.decodeCLIInput(DeleteResourceInput.self, json: json))
        case .listResources:
            return .listResources(try CloudControlWire.decodeCLIInput(ListResourcesInput.self, json: json))
        case .getResourceRequestStatus:
            return .getResourceRequestStatus(
                try CloudControlWire.decodeCLIInput(GetResourceRequestStatusInput.self, json: json))
        case .listResourceRequests:
            return .listResourceRequests(
                try CloudControlWire.decodeCLIInput(ListResourceRequestsInput.self, json: json))
        case .cancelResourceRequest:
            return .cancelResourceRequest(
                try CloudControlWire.decodeCLIInput(CancelResourceRequestInput.self, json: json))
        }
    }

    /// The operation this request calls.
    public var operation: APIOperation {
        switch self {
        case .createResource: return .createResource
        case .getResource: return .getResource
        case .updateResource: return .updateResource
        case .deleteResource: return .deleteResource
        case .listResources: return .listResources
        case .getResourceRequestStatus: return .getResourceRequestStatus
        case .listResourceRequests: return .listResourceRequests
        case .cancelResourceRequest: return .cancelResourceRequest
        }
    }

    /// Checks the input against the model's constraints; throws `ParameterValidationError`.
    public func validate() throws {
        switch self {
        case .createResource(let input): try input.validate()
        case .getResource(let input): try input.validate()
        case .updateResource(let input): try input.validate()
        case .deleteResource(let input): try input.validate()
        case .listResources(let input): try input.validate()
        case .getResourceRequestStatus(let input): try input.validate()
        case .listResourceRequests(let input): try input.validate()
        case .cancelResourceRequest(let input): try input.validate()
        }
    }

    /// Calls the operation on `service`.
    public func send(to service: CloudControlService) throws -> APIResponse {
        switch self {
        case .createResource(let input): return .createResource(try service.createResource(input))
        case .getResource(let input): return .getResource(try service.getResource(input))
        case .updateResource(let input): return .updateResource(try service.updateResource(input))
        case .deleteResource(let input): return .deleteResource(try service.deleteResource(input))
        case .listResources(let input): return .listResources(try service.listResources(input))
        case .getResourceRequestStatus(let input):
            return .getResourceRequestStatus(try service.getResourceRequestStatus(input))
        case .listResourceRequests(let input):
            return .listResourceRequests(try service.listResourceRequests(input))
        case .cancelResourceRequest(let input):
            return .cancelResourceRequest(try service.cancelResourceRequest(input))
        }
    }
}

/// The typed output of one `APIRequest`.
public enum APIResponse: Sendable, Equatable {
    case createResource(CreateResourceOutput)
    case getResource(GetResourceOutput)
    case updateResource(UpdateResourceOutput)
    case deleteResource(DeleteResourceOutput)
    case listResources(ListResourcesOutput)
    case getResourceRequestStatus(GetResourceRequestStatusOutput)
    case listResourceRequests(ListResourceRequestsOutput)
    case cancelResourceRequest(CancelResourceRequestOutput)

    /// The output as the AWS CLI prints it (see `CloudControlWire.renderForCLI`).
    public func renderForCLI(timeZone: TimeZone = .current) throws -> String {
        switch self {
        case .createResource(let output): return try CloudControlWire.renderForCLI(output, timeZone: timeZone)
        case .getResource(let output): return try CloudControlWire.renderForCLI(output, timeZone: timeZone)
        case .updateResource(let output): return try CloudControlWire.renderForCLI(output, timeZone: timeZone)
        case .deleteResource(let output): return try CloudControlWire.renderForCLI(output, timeZone: timeZone)
        case .listResources(let output): return try CloudControlWire.renderForCLI(output, timeZone: timeZone)
        case .getResourceRequestStatus(let output):
            return try CloudControlWire.renderForCLI(output, timeZone: timeZone)
        case .listResourceRequests(let output):
            return try CloudControlWire.renderForCLI(output, timeZone: timeZone)
        case .cancelResourceRequest(let output):
            return try CloudControlWire.renderForCLI(output, timeZone: timeZone)
        }
    }
}
