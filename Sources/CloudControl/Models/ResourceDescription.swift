/// The `ResourceDescription` shape: one resource as GetResource and ListResources return it.
public struct ResourceDescription: Codable, Sendable, Equatable, Hashable {
    /// The primary identifier of the resource (compound identifiers joined with `|`).
    public var identifier: String?
    /// The resource's current state as JSON text; write-only properties are never included.
    public var properties: String?

    public init(identifier: String? = nil, properties: String? = nil) {
        self.identifier = identifier
        self.properties = properties
    }

    /// Wire names, in the member order of the service model.
    public enum CodingKeys: String, CodingKey, CaseIterable {
        case identifier = "Identifier"
        case properties = "Properties"
    }
}
