/// The operations of the service, named as in the API reference and in the service model's
/// `operations` map (service-2.json). The raw value is the wire name used in `X-Amz-Target`.
public enum APIOperation: String, CaseIterable, Sendable, Hashable, CustomStringConvertible {
    case cancelResourceRequest = "CancelResourceRequest"
    case createResource = "CreateResource"
    case deleteResource = "DeleteResource"
    case getResource = "GetResource"
    case getResourceRequestStatus = "GetResourceRequestStatus"
    case listResourceRequests = "ListResourceRequests"
    case listResources = "ListResources"
    case updateResource = "UpdateResource"

    public var description: String { rawValue }

    /// The operation whose API-reference name is `name`, compared exactly (`CreateResource`).
    public init?(name: String) {
        self.init(rawValue: name)
    }
}
