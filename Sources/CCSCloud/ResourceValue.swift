import CCSLanguage
import OrderedCollections

/// A resource as `get` and `list` return it: `r.type`, `r.id` and `r.props`. The Properties
/// JSON text is decoded on first use, once, so iterating a large listing without touching
/// properties never parses them. `query(r, path)` and the path accessor search the
/// Properties. Prints as `{"TypeName":..., "Identifier":..., "Properties":{...}}`.
///
/// `refresh(r)`, and `wait` on the request `patch(r, ...)` returned, read the resource
/// again and replace its properties in place, so every name bound to `r` sees the state
/// the service has now rather than the one it had when `r` was read.
public final class ResourceValue: HostObject {
    /// `AWS::Service::Resource`.
    public let resourceType: String
    /// The primary identifier (compound identifiers joined with `|`).
    public let identifier: String
    /// The Properties JSON text as the service sent it.
    public private(set) var propertiesText: String?
    private var decoded: Value?
    /// The session the resource was read in: `patch(r)` and `delete(r)` go there.
    public let origin: CloudSession?

    public init(type: String, identifier: String, propertiesText: String?, origin: CloudSession? = nil) {
        self.resourceType = type
        self.identifier = identifier
        self.propertiesText = propertiesText
        self.origin = origin
    }

    public override var typeName: String { "resource" }

    /// Takes the properties of a newer read of the same resource.
    func replaceProperties(with newer: ResourceValue) {
        propertiesText = newer.propertiesText
        decoded = nil
    }

    /// The decoded Properties map (an empty map when the service sent none).
    public func properties() throws -> Value {
        if let decoded { return decoded }
        let value: Value
        if let propertiesText {
            do {
                value = try JSONCodec.decode(propertiesText)
            } catch {
                throw ScriptError(
                    code: ErrorCode.jsonError,
                    message: "the Properties of \(resourceType) '\(identifier)' are not valid JSON: \(error)")
            }
        } else {
            value = .map(MapBox())
        }
        decoded = value
        return value
    }

    public override func field(_ name: String) throws -> Value? {
        switch name {
        case "type": return .string(resourceType)
        case "id": return .string(identifier)
        case "props": return try properties()
        default: return nil
        }
    }

    public override func jsonValue() throws -> Value {
        .map(
            MapBox([
                "TypeName": .string(resourceType),
                "Identifier": .string(identifier),
                "Properties": try properties(),
            ]))
    }

    public override func queryRoot() throws -> Value { try properties() }
}
