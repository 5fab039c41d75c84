/// When a hook runs (`HookProgressEvent.InvocationPoint`). A free string in the model
/// (pattern `[-A-Za-z_]+`); Cloud Control invokes hooks before provisioning.
public struct HookInvocationPoint: OpenStringEnum {
    public let rawValue: String

    public init(rawValue: String) {
        self.rawValue = rawValue
    }

    public static let preProvision = HookInvocationPoint(rawValue: "PRE_PROVISION")

    public static let knownValues: [HookInvocationPoint] = [.preProvision]
}
